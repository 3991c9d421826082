import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import { App } from './app';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('web: index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The service worker (public/sw.js) makes the app installable and the pacer at /breathe work offline.
// Production builds only: in development it would serve stale modules.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // No offline support in this browser session (private mode, blocked); the app works as before.
    });
  });
}
