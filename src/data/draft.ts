import type { Answers, ServiceDefinition } from '../core/forms/types.ts';

/**
 * An application being filled. It keeps the definition it was started on, so a draft
 * begun on form version 3 can still be finished and submitted after version 4 arrives.
 */
export interface Draft {
  id: string; // the application's UUID, made when the citizen starts
  serviceId: string;
  definition: ServiceDefinition;
  answers: Answers;
  stepIndex: number; // index in the visible steps; steps.length means the review screen
  language: string;
  createdAt: string; // ISO
  updatedAt: number; // epoch ms
}
