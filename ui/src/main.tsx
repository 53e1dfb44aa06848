import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The shared styles first: each screen's own CSS (imported with its components) refines them.
import './styles.css';
import './i18n';
import { App } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
