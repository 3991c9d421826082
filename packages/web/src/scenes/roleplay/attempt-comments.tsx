import { App, Button, Empty, Flex, Input, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddComment, type TAttempt } from '../../api/roleplay';
import { useCurrentSession } from '../../hooks/use-current-session';
import { useErrorMessage } from '../../hooks/use-error-message';
import { roleplayAccess } from './access';

const COMMENT_MAX = 4000;

/**
 * Trainers' and mentors' comments on an attempt, oldest first, and for coaching roles a
 * box to add one. The trainee sees them on their scorecard.
 * @param props.attempt the attempt
 */
export function AttemptComments({ attempt }: { attempt: TAttempt }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const addComment = useAddComment(attempt.id);
  const [body, setBody] = useState('');
  const { canCoach } = roleplayAccess(session.roles);

  const submit = () => {
    const text = body.trim();
    if (text === '' || addComment.isPending) return;
    addComment.mutate(text, {
      onSuccess: () => {
        setBody('');
        void message.success(t('roleplay.comments.added'));
      },
      onError: (err) => void message.error(errorMessage(err)),
    });
  };

  return (
    <Flex vertical gap={12}>
      {attempt.comments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={canCoach ? t('roleplay.comments.emptyCoach') : t('roleplay.comments.empty')} style={{ margin: 0 }} />
      ) : (
        <ul className="cd-roleplay-comments" data-testid="roleplay-comment-list">
          {attempt.comments.map((comment) => (
            <li key={comment.id}>
              <Flex gap={8} align="baseline" wrap>
                <Typography.Text strong>{comment.author || t('roleplay.comments.someone')}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {dayjs(comment.createdAt).format('YYYY-MM-DD HH:mm')}
                </Typography.Text>
              </Flex>
              <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{comment.body}</Typography.Paragraph>
            </li>
          ))}
        </ul>
      )}
      {canCoach && (
        <div>
          <Input.TextArea
            value={body}
            onChange={(event) => setBody(event.target.value)}
            placeholder={t('roleplay.comments.placeholder', { name: attempt.user.displayName })}
            aria-label={t('roleplay.comments.placeholder', { name: attempt.user.displayName })}
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={COMMENT_MAX}
            data-testid="roleplay-comment-input"
          />
          <Flex justify="flex-end" style={{ marginTop: 8 }}>
            <Button type="primary" onClick={submit} disabled={body.trim() === ''} loading={addComment.isPending} data-testid="roleplay-comment-submit">
              {t('roleplay.comments.submit')}
            </Button>
          </Flex>
        </div>
      )}
    </Flex>
  );
}
