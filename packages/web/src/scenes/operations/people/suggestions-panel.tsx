import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Input, Modal, Segmented, Skeleton, Typography, Alert } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePointRules, useReviewSuggestion, useSuggestions, type TSuggestion } from '../../../api/people';
import { useErrorMessage } from '../../../hooks/use-error-message';
import { SuggestionStatusTag, when } from './labels';

type TReview = { suggestion: TSuggestion; decision: 'adopt' | 'decline' };

/** Adopting (with an optional note, the points shown) or declining (a note required) one suggestion. */
function ReviewModal({ review, onClose }: { review: TReview | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const rules = usePointRules();
  const submit = useReviewSuggestion();
  const [note, setNote] = useState('');
  if (!review) return null;
  const isAdopt = review.decision === 'adopt';
  const rule = rules.data?.find((r) => r.key === 'suggestion_adopted');
  const close = () => {
    setNote('');
    onClose();
  };
  const confirm = () => {
    if (!isAdopt && note.trim().length < 2) return;
    submit.mutate(
      { id: review.suggestion.id, decision: review.decision, note: note.trim() },
      {
        onSuccess: (done) => {
          void message.success(done.status === 'adopted' ? t('people.suggestions.adoptedToast', { name: done.author.displayName, points: done.pointsAwarded ?? 0 }) : t('people.suggestions.declinedToast', { name: done.author.displayName }));
          close();
        },
        onError: (err) => void message.error(errorMessage(err)),
      },
    );
  };
  return (
    <Modal
      open
      title={t(isAdopt ? 'people.suggestions.adoptTitle' : 'people.suggestions.declineTitle', { title: review.suggestion.title })}
      onCancel={close}
      onOk={confirm}
      okText={t(isAdopt ? 'people.suggestions.adopt' : 'people.suggestions.decline')}
      okButtonProps={{ loading: submit.isPending, disabled: !isAdopt && note.trim().length < 2, danger: !isAdopt, 'data-testid': 'suggestion-review-submit' } as never}
      destroyOnHidden
    >
      {isAdopt && (
        <Alert
          type={rule?.isEnabled ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          title={rule?.isEnabled ? t('people.suggestions.willAward', { name: review.suggestion.author.displayName, points: rule.points }) : t('people.suggestions.ruleOff')}
        />
      )}
      <Input.TextArea
        value={note}
        onChange={(event) => setNote(event.target.value)}
        autoSize={{ minRows: 3, maxRows: 8 }}
        maxLength={1000}
        placeholder={t(isAdopt ? 'people.suggestions.adoptNote' : 'people.suggestions.declineNote')}
        data-testid="suggestion-review-note"
      />
    </Modal>
  );
}

/** The training group's review of innovation suggestions: waiting first, each with adopt and decline. */
export function SuggestionsPanel() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [status, setStatus] = useState<TSuggestion['status'] | 'all'>('submitted');
  const suggestions = useSuggestions(status === 'all' ? undefined : status);
  const [review, setReview] = useState<TReview | null>(null);
  return (
    <div data-testid="suggestions-review">
      <Segmented
        value={status}
        onChange={(value) => setStatus(value as TSuggestion['status'] | 'all')}
        options={(['submitted', 'adopted', 'declined', 'all'] as const).map((value) => ({ value, label: <span data-testid={`suggestions-filter-${value}`}>{value === 'all' ? t('common.all') : t(`people.suggestions.status.${value}`)}</span> }))}
        style={{ marginBottom: 16 }}
      />
      {suggestions.isPending && <Skeleton active />}
      {suggestions.isError && <Alert type="error" showIcon title={errorMessage(suggestions.error)} />}
      {suggestions.data && suggestions.data.length === 0 && <Empty description={t(status === 'submitted' ? 'people.suggestions.noneWaiting' : 'people.suggestions.none')} />}
      <Flex vertical gap={12}>
        {suggestions.data?.map((suggestion) => (
          <Card key={suggestion.id} variant="borderless" size="small" data-testid={`suggestion-${suggestion.id}`} data-title={suggestion.title}>
            <Flex justify="space-between" align="flex-start" gap={12} wrap>
              <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
                <Flex gap={8} align="center" wrap>
                  <Typography.Text strong style={{ fontSize: 16 }}>
                    {suggestion.title}
                  </Typography.Text>
                  <SuggestionStatusTag status={suggestion.status} />
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t('people.suggestions.byOn', { name: suggestion.author.displayName, date: when(suggestion.createdAt) })}
                </Typography.Text>
                <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{suggestion.body}</Typography.Paragraph>
                {suggestion.reviewedAt && (
                  <Typography.Text type={suggestion.status === 'adopted' ? 'success' : 'secondary'} style={{ fontSize: 13 }}>
                    {t('people.suggestions.reviewed', { name: suggestion.reviewedBy?.displayName ?? '—', date: when(suggestion.reviewedAt) })}
                    {suggestion.pointsAwarded ? ` · ${t('people.suggestions.points', { points: suggestion.pointsAwarded })}` : ''}
                    {suggestion.reviewNote ? `：${suggestion.reviewNote}` : ''}
                  </Typography.Text>
                )}
              </Flex>
              {suggestion.status === 'submitted' && (
                <Flex gap={8}>
                  <Button type="primary" icon={<CheckOutlined />} onClick={() => setReview({ suggestion, decision: 'adopt' })} data-testid={`suggestion-adopt-${suggestion.id}`}>
                    {t('people.suggestions.adopt')}
                  </Button>
                  <Button icon={<CloseOutlined />} onClick={() => setReview({ suggestion, decision: 'decline' })} data-testid={`suggestion-decline-${suggestion.id}`}>
                    {t('people.suggestions.decline')}
                  </Button>
                </Flex>
              )}
            </Flex>
          </Card>
        ))}
      </Flex>
      <ReviewModal review={review} onClose={() => setReview(null)} />
    </div>
  );
}
