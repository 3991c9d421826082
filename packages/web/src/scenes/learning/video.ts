/**
 * A lesson's video link. An embedded player is built only for https links of hosts whose
 * player address we know how to build from the video's id (bilibili, Tencent Video, Youku,
 * YouTube): the player page then comes from that host, never from the link as written. Any
 * other http(s) link opens in a new tab; anything else (javascript:, data:…) is dropped.
 */

export type TVideo =
  | { kind: 'embed'; host: 'bilibili' | 'tencent' | 'youku' | 'youtube'; src: string; href: string }
  | { kind: 'link'; href: string };

const BVID = /^BV[0-9A-Za-z]{10}$/;
const AVID = /^av(\d{1,12})$/i;
const SAFE_ID = /^[0-9A-Za-z_-]{4,40}$/;

function hostIs(hostname: string, domain: string): boolean {
  return hostname === domain || hostname.endsWith(`.${domain}`);
}

function embedOf(url: URL): TVideo | null {
  const host = url.hostname.toLowerCase();
  const parts = url.pathname.split('/').filter(Boolean);
  if (hostIs(host, 'bilibili.com') && parts[0] === 'video' && parts[1]) {
    const page = Number.parseInt(url.searchParams.get('p') ?? '1', 10);
    const pageParam = Number.isInteger(page) && page > 1 ? `&p=${page}` : '';
    if (BVID.test(parts[1])) return { kind: 'embed', host: 'bilibili', src: `https://player.bilibili.com/player.html?bvid=${parts[1]}${pageParam}&autoplay=0`, href: url.href };
    const av = AVID.exec(parts[1]);
    if (av) return { kind: 'embed', host: 'bilibili', src: `https://player.bilibili.com/player.html?aid=${av[1]}${pageParam}&autoplay=0`, href: url.href };
  }
  if (hostIs(host, 'v.qq.com')) {
    // https://v.qq.com/x/page/<vid>.html and https://v.qq.com/x/cover/<cover>/<vid>.html
    const vid = parts.at(-1)?.replace(/\.html$/, '') ?? '';
    const fromQuery = url.searchParams.get('vid') ?? '';
    const id = parts[0] === 'x' && (parts[1] === 'page' || (parts[1] === 'cover' && parts.length >= 4)) ? vid : fromQuery;
    if (SAFE_ID.test(id)) return { kind: 'embed', host: 'tencent', src: `https://v.qq.com/txp/iframe/player.html?vid=${id}`, href: url.href };
  }
  if (hostIs(host, 'youku.com') && parts[0] === 'v_show' && parts[1]) {
    const id = parts[1].replace(/^id_/, '').replace(/\.html$/, '');
    if (SAFE_ID.test(id.replace(/==$/, ''))) return { kind: 'embed', host: 'youku', src: `https://player.youku.com/embed/${id}`, href: url.href };
  }
  const youtubeId = host === 'youtu.be' ? parts[0] : hostIs(host, 'youtube.com') ? (parts[0] === 'watch' ? url.searchParams.get('v') : parts[0] === 'embed' || parts[0] === 'shorts' ? parts[1] : null) : null;
  if (youtubeId && /^[0-9A-Za-z_-]{11}$/.test(youtubeId)) return { kind: 'embed', host: 'youtube', src: `https://www.youtube-nocookie.com/embed/${youtubeId}`, href: url.href };
  return null;
}

/**
 * How to show a lesson's video link.
 * @param link the link as the trainer wrote it
 * @returns an embed (https, known host, recognised id), a plain link (other http/https), or null (empty or unsafe)
 */
export function lessonVideo(link: string | null | undefined): TVideo | null {
  const text = (link ?? '').trim();
  if (text === '') return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.protocol === 'https:') {
    const embed = embedOf(url);
    if (embed) return embed;
  }
  return { kind: 'link', href: url.href };
}
