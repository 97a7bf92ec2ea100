export interface SettingsTable {
  key: string;
  value: string;
  version: number;
  updated_at: string;
  updated_by: string | null;
}
export interface SettingsTables {
  settings: SettingsTable;
}
