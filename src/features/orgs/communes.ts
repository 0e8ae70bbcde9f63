export interface Commune {
  code: string;
  name: string;
  province: string;
}

let loading: Promise<Commune[]> | undefined;

/** The official list of 3,321 communes: a lazy, precached chunk, so it works offline. */
export function loadCommunes(): Promise<Commune[]> {
  loading ??= import('./communes.json').then(({ default: provinces }) =>
    (provinces as [string, string, string][]).flatMap(([, province, list]) =>
      list.split('|').map((entry) => ({
        code: entry.slice(0, 5),
        name: entry.slice(6),
        province,
      })),
    ),
  );
  return loading;
}

/** The 34 provinces and cities, in the official order, from the same chunk. */
export async function loadProvinces(): Promise<{ code: string; name: string }[]> {
  const { default: provinces } = await import('./communes.json');
  return (provinces as [string, string, string][]).map(([code, name]) => ({ code, name }));
}

/** Lower case without Vietnamese marks, so "ba dinh" finds "Phường Ba Đình". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .trim();
}

/** Communes whose name (or code) holds every word typed, best first, at most `limit`. */
export function searchCommunes(communes: Commune[], query: string, limit = 8): Commune[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const matches = communes.filter((c) => {
    const haystack = `${fold(c.name)} ${c.code} ${fold(c.province)}`;
    return words.every((word) => haystack.includes(word));
  });
  const exact = (c: Commune) => (fold(c.name).endsWith(words.join(' ')) ? 0 : 1);
  return matches.sort((a, b) => exact(a) - exact(b)).slice(0, limit);
}
