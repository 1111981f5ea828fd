import { browser } from 'wxt/browser';
import type { EngineResources } from '@/lib/detectors/detector';
import { analyze } from '@/lib/index';
import { compileLexicon, type CompiledLexicon, type LexiconData } from '@/lib/lexicon';
import { loadSpunModel, type SpunModel } from '@/lib/spun/model';
import type { ENGINE_DATA_FILES } from '@/wxt.config';

/**
 * The engine's large data, fetched from the extension's own package once per background start
 * (wxt.config.ts ships the files): the spun signal's language model, read into typed arrays
 * without parsing, and its lexicon of known spun phrases. Each that cannot be loaded is logged and
 * left out, and the spun signal says what it could not check.
 */
let loading: Promise<EngineResources> | undefined;

/** A file the extension's build ships beside the background (`ENGINE_DATA_FILES`). */
type EngineDataFile = (typeof ENGINE_DATA_FILES)[number];

async function fetched(file: EngineDataFile): Promise<Response> {
  const response = await fetch(browser.runtime.getURL(`/${file}`));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response;
}

async function spunModel(): Promise<SpunModel | undefined> {
  try {
    // Read through a Blob: its bytes arrive in the browser process while this thread is busy (the
    // worker's script, the lexicon), where a direct arrayBuffer() read waits for the thread.
    return loadSpunModel(await (await (await fetched('spun-model.bin')).blob()).arrayBuffer());
  } catch (error) {
    console.error('Spinscope: the spun model could not be loaded; only known phrases are checked.', error);
    return undefined;
  }
}

/** A few lines that take the engine through its tokeniser, language check, lexicon, tables and boilerplate patterns. */
const PRIMING_TEXT =
  'The imaginative and prescient of the company is clear, and the report says so in plain English for every reader.\n' +
  '| Year | Sales |\n| --- | --- |\n| 2024 | 10 |\nSource link';

/** Runs the engine on a fixed text and drops the report; false (and logged) if it failed. */
function analyzeDiscarded(text: string, resources: EngineResources, why: 'priming' | 'tempering'): boolean {
  try {
    analyze(text, {}, {}, resources);
    return true;
  } catch (error) {
    console.error(`Spinscope: ${why} the engine failed; pages are still scanned.`, error);
    return false;
  }
}

/**
 * Runs the engine once on PRIMING_TEXT while the model's bytes are still arriving: a worker that
 * has just started compiles each function and regular expression on its first use, and the first
 * page would otherwise wait for that after the model is read. The report is discarded.
 */
function primeEngine(lexicon: CompiledLexicon | undefined): void {
  analyzeDiscarded(PRIMING_TEXT, lexicon ? { spunLexicon: lexicon } : {}, 'priming');
}

async function spunLexicon(): Promise<CompiledLexicon | undefined> {
  try {
    return compileLexicon((await (await fetched('lexicon.json')).json()) as LexiconData);
  } catch (error) {
    console.error('Spinscope: the lexicon of spun phrases could not be loaded; only the model judges words.', error);
    return undefined;
  }
}

/** The lexicon is the smaller file and arrives first: the engine is primed with it while the model's bytes still arrive. */
async function primedLexicon(): Promise<CompiledLexicon | undefined> {
  const lexicon = await spunLexicon();
  primeEngine(lexicon);
  return lexicon;
}

/** A few paragraphs of plain news English: the contextual scan's loops, with the model, on text like a page's. */
const TEMPERING_TEXT = [
  'The city council met on Tuesday evening to discuss the new budget for schools, roads and public health. Members agreed that the plan would raise spending on teachers and repairs, while cutting the cost of parking permits for residents who live near the hospital. Several people who spoke at the meeting said that the changes came too late, and that families had waited years for safer streets and better bus services.',
  'The mayor told reporters after the vote that the city had learned from the last winter, when heavy snow closed many roads for a week. She said the council would hire more workers, buy new equipment and publish a clear timetable so that people could plan their journeys. Business owners welcomed the decision but warned that higher taxes could hurt small shops that are still recovering from a difficult year.',
  'In a separate report, the regional bank said that prices rose faster than expected last month, driven by energy and food. Economists expect interest rates to stay high until the spring, although some believe that the market will calm down once supply improves. Farmers in the area have already seen the price of fuel and fertiliser fall, and several told the local paper that this year\'s harvest looked strong.',
  'Researchers at the university published a study on the quality of drinking water in rural homes. They found that most samples met the national standard, but older houses with lead pipes still showed high levels after heavy rain. The team recommends that owners test their water every year and replace old pipes where they can.',
].join('\n');
const TEMPERING_ROUNDS = 3;
let tempered = false;

/**
 * Once per background start, after the first page's report: runs the engine, model included, on
 * TEMPERING_TEXT a few times, each run in a task of its own so that messages are answered between
 * them. A young worker's analyses run in V8's unoptimised tiers until it has run the contextual
 * scan's loops many times, so without this the next few pages each wait for slow code; the reports
 * are discarded.
 */
export function temperEngine(): void {
  if (tempered || !loading) return;
  tempered = true;
  void loading.then((resources) => {
    const round = (left: number) => {
      if (left > 0) setTimeout(() => analyzeDiscarded(TEMPERING_TEXT, resources, 'tempering') && round(left - 1), 0);
    };
    round(TEMPERING_ROUNDS);
  });
}

export function engineResources(): Promise<EngineResources> {
  loading ??= Promise.all([spunModel(), primedLexicon()]).then(([model, lexicon]) => ({
    ...(model ? { spunModel: model } : {}),
    ...(lexicon ? { spunLexicon: lexicon } : {}),
  }));
  return loading;
}
