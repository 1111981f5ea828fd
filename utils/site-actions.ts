import { t } from './i18n';
import type { TabState } from './tab-store';

/**
 * What the popup offers for the page's site when the user disagrees with what Spinscope does
 * there: trust it (never flag it), pause (skip it), undo either, scan a skipped or trusted page once,
 * or report a verdict as wrong. Each action is a button whose `data-action` the popup acts on.
 */
export type SiteAction = 'trust' | 'untrust' | 'pause' | 'unpause' | 'scan-anyway' | 'report-wrong';

/** The messages of an action's button: `action_<name>` its label, `action_<name>_title` its tooltip. */
const MESSAGE_NAMES = { trust: 'trust', untrust: 'untrust', pause: 'pause', unpause: 'unpause', 'scan-anyway': 'scan_anyway', 'report-wrong': 'report_wrong' } as const satisfies Record<SiteAction, string>;

/** The actions that make sense for a tab's state, in the order shown. */
export function siteActionsFor(state: TabState | null): SiteAction[] {
  switch (state?.status) {
    case 'scanned':
      return state.report && !state.report.notText ? ['trust', 'pause', 'report-wrong'] : ['pause'];
    case 'trusted':
      return ['untrust', 'scan-anyway'];
    case 'excluded':
      return ['unpause', 'scan-anyway'];
    default:
      return [];
  }
}

export function siteActionButtons(doc: Document, state: TabState | null): HTMLButtonElement[] {
  return siteActionsFor(state).map((action) => {
    const button = doc.createElement('button');
    button.type = 'button';
    button.dataset.action = action;
    button.dataset.testid = `action-${action}`;
    button.textContent = t(`action_${MESSAGE_NAMES[action]}`);
    button.title = t(`action_${MESSAGE_NAMES[action]}_title`);
    return button;
  });
}
