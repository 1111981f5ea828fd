import { browser } from 'wxt/browser';
import type { Verdict } from '@/lib/types';
import { t } from './i18n';
import type { TabState } from './tab-store';

const NEUTRAL_GREY = '#757575';

/** Badge colours by verdict, and the neutral grey for pages not judged (`not-text` is not judged either). */
export const BADGE_COLOURS: Record<Verdict | 'neutral', string> = {
  clean: '#2e7d32',
  suspicious: '#f9a825',
  syndicated: '#c62828',
  'not-text': NEUTRAL_GREY,
  neutral: NEUTRAL_GREY,
};

/** The badge label for pages the extension cannot read or judge: a dash, never a score that would read as "clean". */
export const UNREADABLE_BADGE = '–';

export interface BadgeState {
  text: string;
  colour: string;
  title: string;
}

/**
 * What the toolbar button shows for a tab's state (null: nothing known yet). `quiet` (the quiet
 * badge setting) leaves the button blank unless the page is flagged.
 */
export function badgeFor(state: TabState | null, quiet = false): BadgeState {
  if (!state) return { text: '', colour: BADGE_COLOURS.neutral, title: t('badge_not_scanned') };
  switch (state.status) {
    case 'scanned': {
      if (!state.report) break;
      const { verdict, score, words } = state.report;
      if (verdict === 'not-text') {
        return { text: UNREADABLE_BADGE, colour: BADGE_COLOURS['not-text'], title: t('badge_not_text', state.report.notText ?? t('badge_binary_data')) };
      }
      if (state.report.tooLittleText) {
        return { text: UNREADABLE_BADGE, colour: BADGE_COLOURS.neutral, title: t('badge_too_little_text', words) };
      }
      const unjudged = state.report.notJudgedInLanguage;
      if (unjudged?.length) {
        const signals = unjudged.map((id) => t(`signal_${id}_title`)).join(', ');
        return { text: UNREADABLE_BADGE, colour: BADGE_COLOURS.neutral, title: t('badge_not_judged_in_full', signals, state.report.language) };
      }
      const n = Math.round(score);
      const title = t(`badge_${verdict}`, n);
      if (quiet && !state.report.flagged) return { text: '', colour: BADGE_COLOURS.neutral, title };
      return { text: String(n), colour: BADGE_COLOURS[verdict], title };
    }
    case 'excluded':
      return { text: '', colour: BADGE_COLOURS.neutral, title: t('badge_excluded') };
    case 'trusted':
      return { text: '', colour: BADGE_COLOURS.neutral, title: t('badge_trusted') };
    case 'not-scanned':
      return { text: '', colour: BADGE_COLOURS.neutral, title: t('badge_not_scanned_auto_off') };
    case 'unreadable':
      return { text: UNREADABLE_BADGE, colour: BADGE_COLOURS.neutral, title: t('badge_unreadable') };
  }
  return { text: '', colour: BADGE_COLOURS.neutral, title: t('badge_not_scanned') };
}

/** The toolbar button API: `action` in Manifest V3, `browserAction` in V2 (Firefox build). */
function toolbarAction() {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

export async function showBadge(tabId: number, state: TabState | null, quiet = false): Promise<void> {
  const action = toolbarAction();
  const badge = badgeFor(state, quiet);
  try {
    await Promise.all([
      action.setBadgeText({ tabId, text: badge.text }),
      action.setBadgeBackgroundColor({ tabId, color: badge.colour }),
      action.setTitle({ tabId, title: badge.title }),
    ]);
  } catch {
    // The tab closed meanwhile: nothing to show.
  }
}
