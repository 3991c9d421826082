import { DeleteOutlined, LinkOutlined, TrophyOutlined } from '@ant-design/icons';
import { SELFCARE_LIMITS, type TSelfcareLinkKind } from '@calmdesk/shared';
import { App, Button, Card, Col, Empty, Flex, Form, Input, List, Popconfirm, Row, Select, Skeleton, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useDeleteSelfcareEntry, useSaveSelfcareEntry, useSelfcareEntries, useSelfcareLinkOptions, type TSelfcareEntry } from '../../api/selfcare';
import { PageHeader } from '../../components/page-header';
import { useErrorMessage } from '../../hooks/use-error-message';
import { useFormErrorHandler } from '../../hooks/use-form-error-handler';
import { formatWhen, useLocalText } from './labels';
import { PrivacyNote } from './privacy-note';

type TGratitudeEntry = Extract<TSelfcareEntry, { kind: 'gratitude' }>;
type TSuccessEntry = Extract<TSelfcareEntry, { kind: 'success' }>;

/** Where a linked success case opens: my role-play attempt, or the QA conversation. */
function linkPath(kind: TSelfcareLinkKind, id: string): string {
  return kind === 'roleplay_attempt' ? `/roleplay/attempts/${id}` : `/qa/conversations/${id}`;
}

function DeleteButton({ id }: { id: string }) {
  const { t } = useTranslation();
  const remove = useDeleteSelfcareEntry();
  return (
    <Popconfirm title={t('selfcare.notes.deleteConfirm')} okText={t('common.delete')} okButtonProps={{ danger: true }} onConfirm={() => remove.mutate(id)}>
      <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('common.delete')} />
    </Popconfirm>
  );
}

/** Three good things: a line of gratitude, saved in one tap. */
function GratitudeTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [text, setText] = useState('');
  const save = useSaveSelfcareEntry();
  const entries = useSelfcareEntries({ kind: 'gratitude', pageSize: 50 });
  const list = (entries.data?.entries ?? []).filter((entry): entry is TGratitudeEntry => entry.kind === 'gratitude');

  const onSave = () =>
    save.mutate(
      { entry: { kind: 'gratitude', body: { text: text.trim() } } },
      {
        onSuccess: () => {
          setText('');
          void message.success(t('selfcare.notes.gratitudeSaved'));
        },
        onError: (err) => void message.error(errorMessage(err)),
      },
    );

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('selfcare.notes.gratitudeAbout')}
      </Typography.Paragraph>
      <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 2, maxRows: 5 }} maxLength={SELFCARE_LIMITS.eventMax} placeholder={t('selfcare.notes.gratitudePlaceholder')} data-testid="gratitude-text" />
      <Button type="primary" onClick={onSave} disabled={!text.trim()} loading={save.isPending} style={{ alignSelf: 'flex-end' }} data-testid="gratitude-save">
        {t('common.save')}
      </Button>
      {entries.isLoading ? (
        <Skeleton active />
      ) : list.length === 0 ? (
        <Empty description={t('selfcare.notes.gratitudeEmpty')} />
      ) : (
        <List
          data-testid="gratitude-list"
          dataSource={list}
          renderItem={(entry) => (
            <List.Item actions={[<DeleteButton key="delete" id={entry.id} />]} data-testid="gratitude-entry">
              <Flex vertical gap={2}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatWhen(entry.occurredAt)}
                </Typography.Text>
                <Typography.Text>{entry.body.text}</Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}

interface TSuccessForm {
  title: string;
  whatHappened?: string;
  whatIDidWell?: string;
  link?: string;
}

/** A success case: what happened, what I did well, and optionally the real conversation or role-play behind it. */
function SuccessTab() {
  const { t } = useTranslation();
  const local = useLocalText();
  const { message } = App.useApp();
  const [form] = Form.useForm<TSuccessForm>();
  const onError = useFormErrorHandler(form);
  const save = useSaveSelfcareEntry();
  const options = useSelfcareLinkOptions();
  const entries = useSelfcareEntries({ kind: 'success', pageSize: 50 });
  const list = (entries.data?.entries ?? []).filter((entry): entry is TSuccessEntry => entry.kind === 'success');

  const linkOptions = [
    {
      label: t('selfcare.notes.linkRoleplay'),
      options: (options.data?.roleplayAttempts ?? []).map((item) => ({
        value: `roleplay_attempt:${item.id}`,
        label: `${local(item.title)} · ${formatWhen(item.at)}${item.score === null ? '' : ` · ${item.score}`}`,
      })),
    },
    {
      label: t('selfcare.notes.linkQa'),
      options: (options.data?.qaConversations ?? []).map((item) => ({
        value: `qa_conversation:${item.id}`,
        label: `${local(item.title)}${item.at ? ` · ${formatWhen(item.at)}` : ''}${item.score === null ? '' : ` · ${item.score}`}`,
      })),
    },
  ].filter((group) => group.options.length > 0);

  const onFinish = (values: TSuccessForm) => {
    const [kind, id] = (values.link ?? '').split(':') as [TSelfcareLinkKind | '', string | undefined];
    save.mutate(
      {
        entry: {
          kind: 'success',
          body: { title: values.title.trim(), whatHappened: values.whatHappened ?? '', whatIDidWell: values.whatIDidWell ?? '', link: kind && id ? { kind, id } : null },
        },
      },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('selfcare.notes.successSaved'));
        },
        onError: (err) => onError(err),
      },
    );
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={11}>
        <Typography.Paragraph type="secondary">{t('selfcare.notes.successAbout')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item name="title" label={t('selfcare.notes.successTitle')} rules={[{ required: true, whitespace: true, message: t('selfcare.notes.successTitleRequired') }]}>
            <Input maxLength={SELFCARE_LIMITS.titleMax} placeholder={t('selfcare.notes.successTitlePlaceholder')} data-testid="success-title" />
          </Form.Item>
          <Form.Item name="whatHappened" label={t('selfcare.notes.whatHappened')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={SELFCARE_LIMITS.textMax} data-testid="success-happened" />
          </Form.Item>
          <Form.Item name="whatIDidWell" label={t('selfcare.notes.whatIDidWell')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={SELFCARE_LIMITS.textMax} placeholder={t('selfcare.notes.whatIDidWellPlaceholder')} data-testid="success-well" />
          </Form.Item>
          <Form.Item name="link" label={t('selfcare.notes.link')} extra={t('selfcare.notes.linkHelp')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={options.isLoading} options={linkOptions} placeholder={t('selfcare.notes.linkPlaceholder')} notFoundContent={t('selfcare.notes.linkNone')} data-testid="success-link" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="success-save">
            {t('common.save')}
          </Button>
        </Form>
      </Col>
      <Col xs={24} lg={13}>
        {entries.isLoading ? (
          <Skeleton active />
        ) : list.length === 0 ? (
          <Empty description={t('selfcare.notes.successEmpty')} />
        ) : (
          <List
            data-testid="success-list"
            dataSource={list}
            renderItem={(entry) => (
              <List.Item actions={[<DeleteButton key="delete" id={entry.id} />]} data-testid="success-entry">
                <Flex vertical gap={4} style={{ minWidth: 0 }}>
                  <Flex gap={8} align="center" wrap>
                    <TrophyOutlined style={{ color: '#d4a017' }} />
                    <Typography.Text strong>{entry.body.title}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatWhen(entry.occurredAt)}
                    </Typography.Text>
                  </Flex>
                  {entry.body.whatHappened && <Typography.Text>{entry.body.whatHappened}</Typography.Text>}
                  {entry.body.whatIDidWell && (
                    <Typography.Text type="secondary">
                      {t('selfcare.notes.whatIDidWell')}：{entry.body.whatIDidWell}
                    </Typography.Text>
                  )}
                  {entry.body.link && (
                    <Link to={linkPath(entry.body.link.kind, entry.body.link.id)} data-testid="success-entry-link">
                      <LinkOutlined /> {local(entry.body.link.title)}
                    </Link>
                  )}
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Col>
    </Row>
  );
}

/**
 * 感恩与成功 at /selfcare/notes: gratitude notes and the success-case log (linked to one of my
 * role-play attempts or a real QA conversation). The open tab is in the address (?tab=success).
 */
export default function NotesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'success' ? 'success' : 'gratitude';
  return (
    <div data-testid="selfcare-notes-page">
      <PageHeader title={t('selfcare.notes.title')} subtitle={t('selfcare.notes.subtitle')} />
      <Card variant="borderless">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            { key: 'gratitude', label: <span data-testid="notes-tab-gratitude">{t('selfcare.notes.gratitude')}</span>, children: <GratitudeTab /> },
            { key: 'success', label: <span data-testid="notes-tab-success">{t('selfcare.notes.success')}</span>, children: <SuccessTab /> },
          ]}
        />
      </Card>
      <PrivacyNote />
    </div>
  );
}
