import type { customersZhCN } from './zh-CN.ts';

export const customersEnUS: typeof customersZhCN = {
  primary: 'primary',
  maskedHint: 'Number masked; seeing it in full needs a permission',
  tiers: {
    standard: 'Standard',
    vip: 'VIP',
    key_account: 'Key account',
  },
  phoneLabels: {
    mobile: 'Mobile',
    home: 'Home',
    work: 'Work',
    other: 'Other',
  },
  warranty: {
    in_warranty: 'In warranty',
    main_parts_only: 'Main parts only',
    out_of_warranty: 'Out of warranty',
    unknown: 'Warranty unknown',
    unitUntil: 'Unit covered until {{date}}',
    mainPartsUntil: 'Main parts covered until {{date}}',
    noDates: 'No purchase or install date, so warranty cannot be determined',
  },
  privacy: {
    export: 'Export personal data',
    exported: 'Exported; the file names the exporter and an export id. Hand it to the customer with care',
    erase: 'Erase personal data',
    eraseTitle: "Erase this customer's personal data?",
    eraseConfirm:
      'Name, phones and addresses are anonymised for good; order counts, classes and settlement figures stay. The action is recorded in the audit log.',
    eraseOk: 'Erase',
    erasedDone: 'Personal data erased; {{orders}} order(s) anonymised',
    erased: 'Personal data erased',
  },
  create: {
    title: 'New customer',
    name: 'Name',
    nameRequired: "Enter the customer's name",
    phone: 'Phone',
    phoneRequired: 'Enter a phone number',
    tier: 'Tier',
    region: 'Region',
    regionPlaceholder: 'Province / city / district',
    detail: 'Street address',
    detailPlaceholder: 'Street, number, floor and room',
    detailRequired: 'Enter the street address for the chosen region',
    duplicates: 'This may duplicate an existing customer; please check.',
    submit: 'Save customer',
  },
};
