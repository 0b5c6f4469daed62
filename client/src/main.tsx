import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { i18n } from './app/i18n';
import { App } from './app/app';
import './approvals/fingerprint-probe';
import 'prosemirror-view/style/prosemirror.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/workspace.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
);
