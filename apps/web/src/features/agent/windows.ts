/** Region codes of a customer address in the 6-digit spelling work orders use (44 → 440000). */
export const sixDigits = (code: string) => code.padEnd(6, '0');
