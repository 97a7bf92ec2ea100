// The settings feature's public API: other features read business settings through these hooks and
// send users to the one settings area to edit them (no per-module policy dialogs).
export { settingHref, useSaveSetting, useSetting, type TypedSetting } from './api.ts';
