import type { TextSegment } from './pieces';

/**
 * Maps a range of offsets in the extracted text back to DOM positions: the text node and offset of
 * its start and end. Undefined when the range falls outside the text nodes (e.g. on a separator).
 * `segments` must be sorted by `start`, as the extraction returns them.
 */
export function locateRange(
  segments: readonly TextSegment[],
  start: number,
  end: number,
): { startNode: Text; startOffset: number; endNode: Text; endOffset: number } | undefined {
  if (end <= start) return undefined;
  const first = segmentAt(segments, start, false);
  const last = segmentAt(segments, end, true);
  if (!first || !last) return undefined;
  return { startNode: first.node, startOffset: start - first.start, endNode: last.node, endOffset: end - last.start };
}

/**
 * The segment holding `offset` (binary search). An end offset belongs to the segment it closes,
 * a start offset to the one it opens.
 */
function segmentAt(segments: readonly TextSegment[], offset: number, isEnd: boolean): TextSegment | undefined {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid]!;
    if (isEnd ? offset <= s.start : offset < s.start) hi = mid - 1;
    else if (isEnd ? offset > s.end : offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}
