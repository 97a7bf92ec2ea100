// 我的备件 (/m/parts): the route's page module; the screen lives with the other field screens.
export { default } from '../field/VanPartsPage.tsx';
