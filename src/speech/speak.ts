/**
 * The smallest speech layer: the browser's own voice for the language when it has one.
 * Reports whether anything was spoken, so the UI can say plainly when no voice exists
 * (DESIGN §6.4) instead of failing silently. Recorded prompts and the bundled offline
 * engine (DESIGN §6.1, §6.3) come with the languages-and-speech issue.
 */
export function voiceFor(lang: string): SpeechSynthesisVoice | null {
  if (!('speechSynthesis' in window)) return null;
  const voices = window.speechSynthesis.getVoices();
  return voices.find((v) => v.lang.toLowerCase().startsWith(lang.toLowerCase())) ?? null;
}

export function speak(text: string, lang: string): boolean {
  const voice = voiceFor(lang);
  if (!voice) return false;
  window.speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = voice.lang;
  utterance.voice = voice;
  window.speechSynthesis.speak(utterance);
  return true;
}

export function stopSpeaking(): void {
  if ('speechSynthesis' in window) window.speechSynthesis.cancel();
}
