import type { commonZhCN } from './zh-CN.ts';

export const commonEnUS: typeof commonZhCN = {
  common: {
    comingSoon: 'This feature is under construction and will be available soon.',
    comingSoonTag: 'Coming soon',
    backHome: 'Back to workspace',
    goBack: 'Go back',
    retry: 'Retry',
    loading: 'Loading…',
    requestId: 'Request ID: {{id}}',
    fieldErrors: 'Please check the following:',
  },
  languages: {
    'zh-CN': '简体中文',
    'en-US': 'English',
  },
  roles: {
    admin: 'Administrator',
    agent: 'Service agent',
    dispatcher: 'Dispatcher',
    outlet_manager: 'Outlet manager',
    technician: 'Technician',
    quality: 'Quality & callbacks',
    warehouse: 'Warehouse',
    finance: 'Finance',
    manager: 'Manager',
  },
  scopes: {
    all: 'All data',
    region: 'Regions: {{regions}}',
    outlet: 'Own outlet',
    own: 'Own records only',
  },
  errors: {
    request: {
      validation_failed: 'Some fields are invalid. Please check the highlighted fields.',
      malformed_json: 'The request could not be read. Refresh the page and try again.',
      unknown_field: 'The request contains a field that is not supported.',
      payload_too_large: 'The submitted content is too large.',
      unsupported_media_type: 'This content type is not supported.',
      not_found: 'The requested address does not exist.',
      rate_limited: 'Too many attempts. Please wait a moment and try again.',
    },
    auth: {
      unauthenticated: 'Please sign in.',
      invalid_credentials: 'Incorrect username or password.',
      session_expired: 'Your session has expired. Please sign in again.',
      account_locked: 'This account is locked. Try again later or contact your administrator.',
      csrf_failed: 'This page is out of date. Refresh and try again.',
      forbidden: 'You do not have permission to do this.',
      invalid_token: 'The access token is invalid or has expired.',
      otp_invalid: 'The verification code is wrong or has expired.',
    },
    resource: {
      not_found: 'The record does not exist or has been deleted.',
      conflict: 'This conflicts with the current data. Refresh and try again.',
      version_conflict:
        'Someone else changed this record. Refresh to see the latest version, then try again.',
      already_exists: 'This record already exists.',
    },
    state: {
      invalid_transition: 'This action is not allowed in the current status.',
    },
    calendar: {
      no_data_for_year: 'Holiday data for that year is not available yet.',
    },
    domain: {
      rule_violated: 'This action breaks a business rule.',
    },
    idempotency: {
      key_reused: 'This retry does not match the original request; refresh and try again.',
      in_progress: 'The same request is still being processed; try again shortly.',
    },
    fieldwork: {
      code_invalid: 'The completion code is wrong, expired or no longer valid.',
    },
    callback: {
      task_closed: 'This callback task is already closed; no further outcome can be recorded.',
      link_used: 'This rating link has already been used.',
      link_expired: 'This rating link has expired.',
    },
    settlement: {
      statement_locked:
        "This statement is approved and can no longer be changed; corrections go on next month's statement.",
    },
    server: {
      internal:
        'Something went wrong on the server. Try again later; if it persists, give the request ID to your administrator.',
      unavailable: 'The service is temporarily unavailable. Check your connection and try again.',
    },
    client: {
      unknown: 'An unexpected error occurred ({{status}}).',
    },
  },
};
