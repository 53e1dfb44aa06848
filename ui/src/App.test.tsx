import { mockIPC } from '@tauri-apps/api/mocks';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from './App';
import { LANGUAGE_STORAGE_KEY } from './i18n/languages';
import { autumn2027, spring2027 } from './test/fixtures';

describe('App', () => {
  it('opens in Swedish with the product name and the term list', async () => {
    mockIPC((cmd) => (cmd === 'list_terms' ? [autumn2027, spring2027] : undefined));
    render(<App />);
    expect(screen.getByRole('banner')).toHaveTextContent('VFU Planner');
    expect(screen.getByRole('heading', { level: 1, name: 'Terminer' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Svenska' })).toHaveAttribute('aria-pressed', 'true');
    expect(await screen.findByRole('columnheader', { name: /Studenter/ })).toBeInTheDocument();
  });

  it('switches to English, remembers it and marks up the document language', async () => {
    mockIPC((cmd) => (cmd === 'list_terms' ? [autumn2027, spring2027] : undefined));
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole('table');

    const switcher = screen.getByRole('group', { name: 'Språk' });
    await user.click(within(switcher).getByRole('button', { name: 'English' }));

    expect(screen.getByRole('heading', { level: 1, name: 'Terms' })).toBeInTheDocument();
    for (const name of ['Term', 'Open weeks', 'Students', 'Needs', 'Units', 'Places', 'Supervisors', 'Demand vs capacity']) {
      expect(screen.getByRole('columnheader', { name: new RegExp(`^${name}`) })).toBeInTheDocument();
    }
    expect(screen.getByRole('group', { name: 'Language' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText('week 35, 2027 – week 2, 2028')).toBeInTheDocument();
    expect(screen.getByText('10,000')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
  });
});
