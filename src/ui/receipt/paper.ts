/**
 * The paper the terminal's printer takes: a setting of the terminal, not of the citizen,
 * so it is remembered on the device (nothing personal in it).
 */
export const RECEIPT_PAPERS = ['58', '80', 'a4'] as const;
export type ReceiptPaper = (typeof RECEIPT_PAPERS)[number];

const KEY = 'relais.receiptPaper';
const DEFAULT: ReceiptPaper = '80';

export function loadPaper(): ReceiptPaper {
  try {
    const stored = localStorage.getItem(KEY);
    return (RECEIPT_PAPERS as readonly string[]).includes(stored ?? '') ? (stored as ReceiptPaper) : DEFAULT;
  } catch {
    return DEFAULT; // storage disabled: the default paper
  }
}

export function savePaper(paper: ReceiptPaper): void {
  try {
    localStorage.setItem(KEY, paper);
  } catch {
    // not remembered; the choice still applies to this receipt
  }
}
