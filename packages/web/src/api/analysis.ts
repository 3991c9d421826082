import type { TMessageAnalysisDto, TReplyCheckDto, ZAnalyzeMessageRequest, ZAnalyzeReplyRequest } from '@calmdesk/shared';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from './client';

/** The analysis calls (SPEC §2.3–2.4): read a customer message, check a draft reply. */

export type TAnalyzeMessageRequest = z.infer<typeof ZAnalyzeMessageRequest>;
export type TAnalyzeReplyRequest = z.infer<typeof ZAnalyzeReplyRequest>;

/** Emotion, intensity, risk, needs and the cues behind them for one customer message. */
export function useAnalyzeMessage() {
  return useMutation({
    mutationKey: ['analyze', 'message'],
    mutationFn: (body: TAnalyzeMessageRequest) => apiFetch<TMessageAnalysisDto>('/api/analyze/message', { method: 'POST', body }),
  });
}

/** Language to avoid, what is missing and better phrasings for a draft reply. */
export function useCheckReply() {
  return useMutation({
    mutationKey: ['analyze', 'reply'],
    mutationFn: (body: TAnalyzeReplyRequest) => apiFetch<TReplyCheckDto>('/api/analyze/reply', { method: 'POST', body }),
  });
}
