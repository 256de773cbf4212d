/** What historians call their columns, compared case-, space- and underscore-blind (`t_stamp` is `t stamp`). */

/** A header cell made comparable: trimmed, lower case, runs of spaces and underscores as one space. */
export function norm(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');
}

export const TIME_NAMES = /^(time|timestamp|time stamp|t stamp|date|datetime|date time|ts| time|local time|utc time|time utc|timestamp utc)$/;
export const TAG_NAMES =
  /^(tag|tagname|tag name|pi tag|pi point|point|pointname|point name|name|sensor|series|signal|key|id|item|item id|itemid|measurement|path|tag path|tagpath)$/;
export const VALUE_NAMES = /^(value|val| value|reading|measurement value|avg|average|pv)(\s*[([].*[)\]])?$/;
export const QUALITY_NAMES = /^(quality|q|status|opcquality|opc quality|qualitydetail|quality detail)$/;
export const UNIT_NAMES = /^(unit|units|eng units|engunits|eng unit|engunit|engineering units|uom)$/;
/** First cells of rows between the header and the data that describe the columns (PI DataLink's tag and units rows). */
export const META_ROWS =
  /^(units?|eng\.? ?units?|engunits|engineering units|uom|descriptor|description|desc|tags?|tagname|tag name|point ?type|type|timestamp|time|date|date ?time|server|source|path|attribute)$/;

/** The index of the first column whose comparable name matches, or -1. */
export function findColumn(columns: readonly string[], re: RegExp, skip: readonly number[] = []): number {
  return columns.findIndex((c, i) => !skip.includes(i) && re.test(norm(c)));
}
