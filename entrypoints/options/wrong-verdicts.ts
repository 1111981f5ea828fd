import { formatNumber, t } from '@/utils/i18n';
import { wrongVerdictsItem } from '@/utils/wrong-verdicts';
import { downloadJson } from './download';

/** The file the reported verdicts are exported to. */
export const WRONG_VERDICTS_FILE_NAME = 'spinscope-wrong-verdicts.json';

/**
 * The options page's list of verdicts reported as wrong from the popup: how many are kept, export
 * as JSON, clear. It follows the stored list, so a report made while the page is open shows at once.
 */
export function startWrongVerdicts(doc: Document): void {
  const count = doc.getElementById('wrong-count')!;
  const exportButton = doc.getElementById('export-wrong') as HTMLButtonElement;
  const clearButton = doc.getElementById('clear-wrong') as HTMLButtonElement;
  const show = (n: number) => {
    count.textContent = n ? t(n === 1 ? 'options_wrong_count_one' : 'options_wrong_count_many', formatNumber(n)) : t('options_wrong_none');
    exportButton.disabled = clearButton.disabled = n === 0;
  };
  void wrongVerdictsItem.getValue().then((list) => show(list.length));
  wrongVerdictsItem.watch((list) => show(list?.length ?? 0));
  exportButton.addEventListener('click', () => {
    void wrongVerdictsItem.getValue().then((list) => downloadJson(doc, WRONG_VERDICTS_FILE_NAME, `${JSON.stringify(list, null, 2)}\n`));
  });
  clearButton.addEventListener('click', () => {
    void wrongVerdictsItem.removeValue().then(() => show(0));
  });
}
