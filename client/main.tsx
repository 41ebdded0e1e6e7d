import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { whenPageSettles } from './app/when-page-settles';
import './styles.css';

const container = document.getElementById('root');
// index.html ships the element; if it is missing the page is broken anyway,
// and failing here says why instead of React's less obvious error.
if (!container) throw new Error('Duet: #root element not found in index.html');

// The service worker keeps the app available offline (client/public/sw.js). Only
// in built apps: in development it would serve stale modules to Vite. Registered
// once the page has opened, because installing it competes with the opening.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const register = () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  window.addEventListener('load', () => whenPageSettles(register, { quietMs: 1500, maxWaitMs: 10_000 }), { once: true });
}

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
