/** `13812345678` → `*******5678`: enough to recognise, not enough to call. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length <= 4 ? '*'.repeat(digits.length) : '*'.repeat(digits.length - 4) + digits.slice(-4);
}

/** `zhang.san@example.com` → `z***@example.com`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** Whatever the recipient is: an e-mail address, a phone, or a group robot (empty: the group). */
export function maskRecipient(to: string): string {
  if (to === '') return '';
  return to.includes('@') ? maskEmail(to) : maskPhone(to);
}
