/**
 * Kiosk keyboards and phones in Morocco may type Arabic-Indic digits (٠١٢…, U+0660) or
 * Eastern Arabic-Indic digits (۰۱۲…, U+06F0). Identifiers are stored with ASCII digits,
 * so phone and CNIE normalisation fold them first instead of rejecting the citizen's input.
 */
export function foldDigits(input: string): string {
  return input.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}
