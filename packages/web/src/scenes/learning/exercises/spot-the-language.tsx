import { CheckOutlined, EditOutlined, LeftOutlined, RightOutlined, SearchOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, Button, Divider, Flex, Input, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCheckReply } from '../../../api/analysis';
import { useErrorMessage } from '../../../hooks/use-error-message';
import { ReplyResult } from '../../analyzer/reply-result';
import { compareMarks, problemClauses, splitClauses, SPOT_SAMPLES, type TSpotSample } from '../spot';

function SampleDrill({ sample, isEnglish }: { sample: TSpotSample; isEnglish: boolean }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const checkReply = useCheckReply();
  const clauses = useMemo(() => splitClauses(sample.reply.zh), [sample]);
  const key = useMemo(() => problemClauses(sample), [sample]);
  const [marked, setMarked] = useState<Set<number>>(new Set());
  const [isRevealed, setRevealed] = useState(false);
  const [isEditing, setEditing] = useState(false);
  const [draft, setDraft] = useState(sample.reply.zh);
  const [checkedText, setCheckedText] = useState('');
  const result = isRevealed ? compareMarks(sample, marked) : null;

  const toggle = (index: number) => {
    if (isRevealed) return;
    setMarked((current) => {
      const next = new Set(current);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
  };
  const runCheck = (text: string) => {
    const trimmed = text.trim();
    if (trimmed === '') return;
    setCheckedText(trimmed);
    checkReply.mutate({ text: trimmed, customer: sample.customer.zh });
  };
  const clauseState = (index: number) => {
    if (!result) return marked.has(index) ? 'marked' : 'plain';
    if (key.has(index)) return marked.has(index) ? 'found' : 'missed';
    return marked.has(index) ? 'extra' : 'plain';
  };

  return (
    <div data-testid={`learning-spot-sample-${sample.id}`}>
      <div className="cd-spot__line cd-spot__line--customer">
        <span className="cd-spot__who">{t('learn.spot.customerSays')}</span>
        <div className="cd-bubble cd-bubble--customer">
          {sample.customer.zh}
          {isEnglish && <div className="cd-spot__gloss">{sample.customer.en}</div>}
        </div>
      </div>
      <div className="cd-spot__line cd-spot__line--agent">
        <span className="cd-spot__who">{t('learn.spot.agentReplied')}</span>
        <div className="cd-bubble cd-bubble--agent cd-spot__reply" data-testid="learning-spot-reply">
          {clauses.map((clause) => {
            const state = clauseState(clause.index);
            return (
              <span
                key={clause.index}
                role="button"
                tabIndex={isRevealed ? -1 : 0}
                aria-pressed={marked.has(clause.index)}
                className={`cd-spot__clause cd-spot__clause--${state}`}
                onClick={() => toggle(clause.index)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    toggle(clause.index);
                  }
                }}
                data-testid={`learning-spot-clause-${clause.index}`}
                data-state={state}
              >
                {clause.text}
              </span>
            );
          })}
          {isEnglish && <div className="cd-spot__gloss">{sample.reply.en}</div>}
        </div>
      </div>
      {!isRevealed && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('learn.spot.markHint')}
        </Typography.Text>
      )}

      <Flex gap={8} wrap style={{ marginTop: 12 }}>
        {!isRevealed ? (
          <Button type="primary" icon={<CheckOutlined />} onClick={() => setRevealed(true)} data-testid="learning-spot-reveal">
            {t('learn.spot.showKey')}
          </Button>
        ) : (
          <Button
            icon={<UndoOutlined />}
            onClick={() => {
              setRevealed(false);
              setMarked(new Set());
            }}
          >
            {t('learn.spot.again')}
          </Button>
        )}
        <Button icon={<EditOutlined />} onClick={() => setEditing(!isEditing)} data-testid="learning-spot-edit">
          {isEditing ? t('learn.spot.closeEdit') : t('learn.spot.edit')}
        </Button>
        {!isEditing && (
          <Button icon={<SearchOutlined />} onClick={() => runCheck(sample.reply.zh)} loading={checkReply.isPending} data-testid="learning-spot-check-original">
            {t('learn.spot.checkOriginal')}
          </Button>
        )}
      </Flex>

      {result && (
        <div className="cd-spot__key" data-testid="learning-spot-key">
          {sample.problems.length === 0 ? (
            <Alert type={result.extra.length === 0 ? 'success' : 'info'} showIcon title={t('learn.spot.goodSample')} description={result.extra.length > 0 ? t('learn.spot.extra', { count: result.extra.length }) : undefined} />
          ) : (
            <Alert
              type={result.missed.length === 0 && result.extra.length === 0 ? 'success' : 'warning'}
              showIcon
              data-testid="learning-spot-score"
              title={result.missed.length === 0 && result.extra.length === 0 ? t('learn.spot.perfect') : t('learn.spot.found', { count: result.found.length, total: key.size })}
              description={[result.missed.length > 0 ? t('learn.spot.missed', { count: result.missed.length }) : '', result.extra.length > 0 ? t('learn.spot.extra', { count: result.extra.length }) : '']
                .filter(Boolean)
                .join(' ')}
            />
          )}
          {sample.problems.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t('learn.spot.keyTitle')}
              </Typography.Title>
              <ul className="cd-spot__problems">
                {sample.problems.map((problem) => (
                  <li key={problem.phrase}>
                    <Tag color="red">{t(`learn.spot.categories.${problem.category}`)}</Tag>「{problem.phrase}」
                  </li>
                ))}
              </ul>
            </>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('learn.spot.betterTitle')}
          </Typography.Title>
          <div className="cd-bubble cd-bubble--agent cd-bubble--good" data-testid="learning-spot-better">
            {sample.better}
          </div>
        </div>
      )}

      {isEditing && (
        <div style={{ marginTop: 16 }}>
          <Typography.Text strong>{t('learn.spot.editTitle')}</Typography.Text>
          <Input.TextArea
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={1000}
            showCount
            style={{ marginTop: 6 }}
            data-testid="learning-spot-draft"
          />
          <Flex gap={8} style={{ marginTop: 24 }}>
            <Button type="primary" icon={<SearchOutlined />} onClick={() => runCheck(draft)} loading={checkReply.isPending} disabled={draft.trim() === ''} data-testid="learning-spot-check">
              {t('learn.spot.check')}
            </Button>
            <Button onClick={() => setDraft(sample.reply.zh)}>{t('learn.spot.restoreDraft')}</Button>
          </Flex>
        </div>
      )}

      {checkReply.isError && <Alert type="error" showIcon style={{ marginTop: 16 }} title={errorMessage(checkReply.error)} />}
      {checkReply.data && !checkReply.isPending && (
        <div className="cd-spot__engine" data-testid="learning-spot-engine">
          <Divider titlePlacement="start" plain>
            {t('learn.spot.engineTitle')}
          </Divider>
          <ReplyResult text={checkedText} check={checkReply.data} />
        </div>
      )}
    </div>
  );
}

/**
 * "Spot the language": sample replies to customers, most with language to avoid (shifting
 * blame, excuses, rhetorical questions, lecturing, denying the customer…). Mark the clauses
 * that would hurt and compare with the key, or rewrite the reply and let the engine check it.
 */
export function SpotTheLanguage() {
  const { t, i18n } = useTranslation();
  const [index, setIndex] = useState(0);
  const sample = SPOT_SAMPLES[index]!;
  return (
    <div className="cd-spot" data-testid="learning-spot">
      <Typography.Paragraph type="secondary">{t('learn.spot.intro', { count: SPOT_SAMPLES.length })}</Typography.Paragraph>
      <Flex justify="space-between" align="center" gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text strong data-testid="learning-spot-index">
          {t('learn.spot.sampleOf', { n: index + 1, total: SPOT_SAMPLES.length })}
        </Typography.Text>
        <Flex gap={8}>
          <Button icon={<LeftOutlined />} disabled={index === 0} onClick={() => setIndex(index - 1)} data-testid="learning-spot-prev">
            {t('learn.spot.prev')}
          </Button>
          <Button icon={<RightOutlined />} iconPlacement="end" disabled={index === SPOT_SAMPLES.length - 1} onClick={() => setIndex(index + 1)} data-testid="learning-spot-next">
            {t('learn.spot.next')}
          </Button>
        </Flex>
      </Flex>
      <SampleDrill key={sample.id} sample={sample} isEnglish={i18n.language === 'en'} />
    </div>
  );
}
