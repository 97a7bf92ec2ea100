// The portal feature's public API: the whole customer portal, mounted by the router at /portal/*.
export { default } from './PortalApp.tsx';
