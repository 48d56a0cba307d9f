/**
 * The citizen's reading and display help (guided reading, contrast, text size): what App
 * keeps for the session and puts on <html>. The dialog that changes them
 * (DisplayDialog.tsx) loads when first opened.
 */
export interface DisplayPrefs {
  guided: boolean;
  contrast: boolean;
  largeText: boolean;
}

export const DEFAULT_DISPLAY: DisplayPrefs = { guided: false, contrast: false, largeText: false };

/** The classes the preferences put on <html> (styles.css draws them). */
export function applyDisplay(prefs: DisplayPrefs): void {
  const root = document.documentElement.classList;
  root.toggle('theme-contrast', prefs.contrast);
  root.toggle('text-large', prefs.largeText);
}
