/**
 * Words a simulated customer's line with an OpenAI-compatible chat endpoint
 * (POST {baseUrl}/chat/completions). The simulator has already chosen the mood and a line
 * from the scenario; the model only rephrases it in the persona's voice. Any failure, slow
 * answer or odd output keeps the scenario's own line: practice never waits on the network.
 */
export type TLlmSettings = { baseUrl: string; model: string; apiKey: string | null };

export type TLlmLineRequest = {
  persona: string;
  situation: string;
  mood: string;
  agentReply: string;
  templateLine: string;
};

const TIMEOUT_MS = 4000;
const MAX_LINE = 200;

export async function llmRewordLine(settings: TLlmSettings, request: TLlmLineRequest, fetchImpl: typeof fetch = fetch): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await fetchImpl(`${settings.baseUrl.replace(/\/+$/, '')}/chat/completions`, {
      method: 'POST',
      signal: controller.signal,
      headers: { 'content-type': 'application/json', ...(settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {}) },
      body: JSON.stringify({
        model: settings.model,
        temperature: 0.7,
        max_tokens: 120,
        messages: [
          {
            role: 'system',
            content:
              `你在客服培训中扮演一位网购顾客：${request.persona}。情境：${request.situation}。你现在的情绪：${request.mood}。` +
              '用这位顾客的口吻，把给定的台词改写成一句自然的聊天消息，意思和情绪不变，不超过60个字，只输出这句话。',
          },
          { role: 'user', content: `客服刚才说：${request.agentReply}\n要改写的台词：${request.templateLine}` },
        ],
      }),
    });
    if (!response.ok) return request.templateLine;
    const body = (await response.json()) as { choices?: { message?: { content?: unknown } }[] };
    const content = body.choices?.[0]?.message?.content;
    if (typeof content !== 'string') return request.templateLine;
    const line = content.trim().replace(/^["「“]|["」”]$/g, '');
    return line.length > 0 && line.length <= MAX_LINE ? line : request.templateLine;
  } catch {
    return request.templateLine;
  } finally {
    clearTimeout(timer);
  }
}
