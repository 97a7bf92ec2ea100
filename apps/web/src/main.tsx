import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from './i18n/index.ts';
import './styles.css';
import { App } from './app/App.tsx';
import { registerPhoneApp } from './pwa/register.ts';

// The starting locale's messages are a chunk of their own: render once they are in (or failed to
// load, rather than never).
const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
void i18nReady.then(render, render);
registerPhoneApp(window.location.pathname);
