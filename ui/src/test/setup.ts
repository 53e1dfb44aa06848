import '@testing-library/jest-dom/vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import i18n from '../i18n';

afterEach(async () => {
  cleanup();
  clearMocks();
  window.localStorage.clear();
  await i18n.changeLanguage('sv');
});
