import type { authZhCN } from './zh-CN.ts';

export const authEnUS: typeof authZhCN = {
  welcome: 'Sign in to Anxin',
  username: 'Username',
  password: 'Password',
  usernameRequired: 'Please enter your username',
  passwordRequired: 'Please enter your password',
  submit: 'Sign in',
  sessionExpired: 'Your session has expired. Please sign in again.',
  loggedOut: 'You have signed out.',
  heroTitle: 'Peace of mind in every service call',
  heroPoints: {
    intake: 'Agents log requests in one step, with customer and product details filled in',
    dispatch: 'Dispatch to outlets and technicians with every SLA clock in view',
    callback: 'Callbacks and complaints closed in a loop, every step traceable',
  },
};
