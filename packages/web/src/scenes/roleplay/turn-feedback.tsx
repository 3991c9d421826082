import { Button, Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TTurn } from '../../api/roleplay';
import { useAnalyzerLabels } from '../analyzer/labels';
import { moveTone, useRoleplayLabels } from './labels';
import { deltaTone, formatDelta, METERS } from './meter';

const TONE_TAG = { good: 'green', bad: 'red', unknown: 'default', neutral: 'default' } as const;

/** What a reply did to each meter, as small coloured tags: 怒气 −10 · 信任 +5. */
export function DeltaTags({ delta }: { delta: TTurn['feedback']['delta'] }) {
  const { t } = useTranslation();
  return (
    <span className="cd-roleplay-tags">
      {METERS.map((meter) => (
        <Tag key={meter} color={TONE_TAG[deltaTone(meter, delta[meter])]}>
          {t(`roleplay.meters.${meter}`)} {formatDelta(delta[meter])}
        </Tag>
      ))}
    </span>
  );
}

/**
 * The feedback on one reply: the moves the engine found (good in green, to avoid in red,
 * each quoting the words it saw), what they did to the mood, the notes, and better
 * phrasings to copy (or, while practising, to put in the reply box).
 * @param props.feedback the turn's feedback
 * @param props.onUse when given, each phrasing gets a button that puts it in the reply box
 */
export function TurnFeedback({ feedback, onUse }: { feedback: TTurn['feedback']; onUse?: (text: string) => void }) {
  const { t } = useTranslation();
  const labels = useRoleplayLabels();
  const analyzerLabels = useAnalyzerLabels();
  const moves = feedback.moves.filter((move, index, all) => all.findIndex((other) => other.move === move.move && other.start === move.start) === index);
  return (
    <div className="cd-roleplay-feedback" data-testid="roleplay-feedback">
      {moves.length > 0 && (
        <div className="cd-roleplay-tags" data-testid="roleplay-moves">
          {moves.map((move, index) => {
            const tag = (
              <Tag key={`${move.move}-${index}`} color={TONE_TAG[moveTone(move.move)]}>
                {labels.move(move.move)}
              </Tag>
            );
            return move.text ? (
              <Tooltip key={`${move.move}-${index}`} title={t('roleplay.feedback.quote', { text: move.text })}>
                {tag}
              </Tooltip>
            ) : (
              tag
            );
          })}
        </div>
      )}
      {feedback.notes.length > 0 && (
        <ul className="cd-roleplay-notes">
          {feedback.notes.map((note, index) => (
            <li key={index}>{labels.text(note)}</li>
          ))}
        </ul>
      )}
      {feedback.suggestions.length > 0 && (
        <div data-testid="roleplay-suggestions">
          <Typography.Text strong style={{ fontSize: 13 }}>
            {t('roleplay.feedback.better')}
          </Typography.Text>
          <ol className="cd-analyzer-list">
            {feedback.suggestions.map((suggestion) => (
              <li key={suggestion.id} className="cd-analyzer-suggestion">
                <Typography.Paragraph style={{ margin: 0 }} copyable={{ text: suggestion.zh, tooltips: [t('analyzer.reply.copy'), t('analyzer.reply.copied')] }}>
                  {suggestion.zh}
                </Typography.Paragraph>
                <Typography.Paragraph type="secondary" style={{ margin: '2px 0 0', fontSize: 12 }}>
                  {suggestion.en}
                </Typography.Paragraph>
                <Flex gap={6} wrap align="center" style={{ marginTop: 4 }}>
                  <Tag>{analyzerLabels.purpose(suggestion.purpose)}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {analyzerLabels.because(suggestion.because)}
                  </Typography.Text>
                  {onUse && (
                    <Button size="small" type="link" onClick={() => onUse(suggestion.zh)} style={{ paddingInline: 0 }}>
                      {t('roleplay.feedback.use')}
                    </Button>
                  )}
                </Flex>
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
