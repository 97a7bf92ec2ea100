/**
 * Personal data out of free text for the case library: mainland mobile and landline numbers,
 * resident ID numbers, e-mail addresses, and any known name or address of the order's customer.
 * Patterns run before names so a number inside a name match is never half-kept.
 */
const PATTERNS: [RegExp, string][] = [
  [/\d{17}[\dXx]|\d{15}(?!\d)/g, '[身份证号]'],
  [/(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)/g, '[电话]'],
  [/(?<!\d)0\d{2,3}[-\s]?\d{7,8}(?!\d)/g, '[电话]'],
  [/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[邮箱]'],
  // "张先生/李女士/王师傅": a surname with a polite title is a person.
  [/[\u4e00-\u9fa5](?:先生|女士|小姐|阿姨|大爷|师傅)/g, '[客户]'],
];

export function anonymise(text: string, known: readonly string[] = []): string {
  let out = text;
  for (const [re, mask] of PATTERNS) out = out.replace(re, mask);
  // Longest first: "北京市朝阳区建国路88号" before "建国路88号".
  for (const k of [...known].filter((s) => s.trim().length >= 2).sort((a, b) => b.length - a.length))
    out = out.split(k.trim()).join(k.length > 6 ? '[地址]' : '[客户]');
  return out;
}
