import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { SELFCARE_BODY_SIGNALS, SELFCARE_LIMITS, type TDiaryBody, type TSelfcareBodySignal } from '@calmdesk/shared';
import { App, Button, Card, DatePicker, Drawer, Empty, Flex, Form, Input, List, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useDeleteSelfcareEntry, useSaveSelfcareEntry, useSelfcareEntries, type TSelfcareEntry } from '../../api/selfcare';
import { PageHeader } from '../../components/page-header';
import { useFormErrorHandler } from '../../hooks/use-form-error-handler';
import { useStableBreakpoints } from '../../hooks/use-stable-breakpoints';
import { EmotionPicker, EmotionTags } from './emotion-picker';
import { bodySignalLabel, formatWhen, useLocalText } from './labels';
import { PrivacyNote } from './privacy-note';

type TDiaryEntry = Extract<TSelfcareEntry, { kind: 'diary' }>;
type TDiaryForm = TDiaryBody & { occurredAt: Dayjs };

const PAGE_SIZE = 10;

/** Body-signal chips: tap the ones you noticed. */
function BodySignalPicker({ value = [], onChange }: { value?: TSelfcareBodySignal[]; onChange?: (value: TSelfcareBodySignal[]) => void }) {
  const local = useLocalText();
  return (
    <div className="cd-emotion-chips">
      {SELFCARE_BODY_SIGNALS.map((signal) => (
        <Tag.CheckableTag
          key={signal.key}
          checked={value.includes(signal.key)}
          onChange={(checked) => onChange?.(checked ? [...value, signal.key] : value.filter((key) => key !== signal.key))}
          data-testid={`diary-signal-${signal.key}`}
          style={value.includes(signal.key) ? undefined : { background: '#f3f5f6' }}
        >
          {local(signal.label)}
        </Tag.CheckableTag>
      ))}
    </div>
  );
}

/**
 * The full diary form in a drawer (full width on a phone): what happened, emotions each with its
 * intensity, body signals, thoughts and what helped; when it happened, back-dating allowed.
 */
function DiaryDrawer({ entry, open, onClose }: { entry: TDiaryEntry | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TDiaryForm>();
  const onError = useFormErrorHandler(form);
  const save = useSaveSelfcareEntry();
  const { isNarrow } = useStableBreakpoints();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (entry) form.setFieldsValue({ ...entry.body, occurredAt: dayjs(entry.occurredAt) });
  }, [open, entry, form]);

  const onFinish = (values: TDiaryForm) =>
    save.mutate(
      {
        id: entry?.id,
        entry: {
          kind: 'diary',
          occurredAt: values.occurredAt.format(),
          body: { event: values.event ?? '', emotions: values.emotions, bodySignals: values.bodySignals ?? [], bodySignalsOther: values.bodySignalsOther ?? '', thoughts: values.thoughts ?? '', helped: values.helped ?? '' },
        },
      },
      {
        onSuccess: () => {
          void message.success(t('selfcare.diary.saved'));
          onClose();
        },
        onError: (err) => onError(err),
      },
    );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={entry ? t('selfcare.diary.edit') : t('selfcare.diary.new')}
      size={isNarrow ? '100%' : 560}
      destroyOnHidden
      data-testid="diary-drawer"
      extra={
        <Button type="primary" onClick={() => form.submit()} loading={save.isPending} data-testid="diary-save">
          {t('common.save')}
        </Button>
      }
    >
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ occurredAt: dayjs(), emotions: [], bodySignals: [] }} requiredMark={false}>
        <Form.Item name="event" label={t('selfcare.diary.event')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={SELFCARE_LIMITS.eventMax} placeholder={t('selfcare.diary.eventPlaceholder')} data-testid="diary-event" />
        </Form.Item>
        <Form.Item name="emotions" label={t('selfcare.diary.emotions')} rules={[{ validator: (_rule, value: unknown[]) => (value?.length ? Promise.resolve() : Promise.reject(new Error(t('selfcare.diary.emotionsRequired')))) }]}>
          <EmotionPicker testId="diary-emotion" />
        </Form.Item>
        <Form.Item name="bodySignals" label={t('selfcare.diary.bodySignals')}>
          <BodySignalPicker />
        </Form.Item>
        <Form.Item name="bodySignalsOther" label={t('selfcare.diary.bodySignalsOther')}>
          <Input maxLength={SELFCARE_LIMITS.shortTextMax} data-testid="diary-signals-other" />
        </Form.Item>
        <Form.Item name="thoughts" label={t('selfcare.diary.thoughts')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={SELFCARE_LIMITS.textMax} placeholder={t('selfcare.diary.thoughtsPlaceholder')} data-testid="diary-thoughts" />
        </Form.Item>
        <Form.Item name="helped" label={t('selfcare.diary.helped')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={SELFCARE_LIMITS.shortTextMax} placeholder={t('selfcare.diary.helpedPlaceholder')} data-testid="diary-helped" />
        </Form.Item>
        <Form.Item name="occurredAt" label={t('selfcare.diary.occurredAt')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(day) => day.isAfter(dayjs(), 'day')} allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

/**
 * 情绪日记 at /selfcare/diary: my entries, newest first, and the full form (?new=1 opens it).
 */
export default function DiaryPage() {
  const { t } = useTranslation();
  const local = useLocalText();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const entries = useSelfcareEntries({ kind: 'diary', page, pageSize: PAGE_SIZE });
  const remove = useDeleteSelfcareEntry();
  const [editing, setEditing] = useState<TDiaryEntry | null>(null);
  const [isOpen, setOpen] = useState(params.get('new') === '1');

  const openNew = () => {
    setEditing(null);
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    if (params.has('new')) setParams({}, { replace: true });
  };

  const list = (entries.data?.entries ?? []).filter((entry): entry is TDiaryEntry => entry.kind === 'diary');

  return (
    <div data-testid="selfcare-diary-page">
      <PageHeader
        title={t('selfcare.diary.title')}
        subtitle={t('selfcare.diary.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={openNew} data-testid="diary-new">
            {t('selfcare.diary.new')}
          </Button>
        }
      />
      <Card variant="borderless">
        {entries.isLoading ? (
          <Skeleton active />
        ) : list.length === 0 ? (
          <Empty description={t('selfcare.diary.empty')} />
        ) : (
          <List
            data-testid="diary-list"
            dataSource={list}
            pagination={(entries.data?.total ?? 0) > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: entries.data?.total ?? 0, onChange: setPage, size: 'small' } : false}
            renderItem={(entry) => (
              <List.Item
                data-testid="diary-entry"
                actions={[
                  <Button
                    key="edit"
                    type="text"
                    size="small"
                    icon={<EditOutlined />}
                    aria-label={t('common.edit')}
                    onClick={() => {
                      setEditing(entry);
                      setOpen(true);
                    }}
                  />,
                  <Popconfirm
                    key="delete"
                    title={t('selfcare.diary.deleteConfirm')}
                    okText={t('common.delete')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => remove.mutate(entry.id, { onSuccess: () => void message.success(t('selfcare.diary.deleted')) })}
                  >
                    <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                  </Popconfirm>,
                ]}
              >
                <Flex vertical gap={6} style={{ minWidth: 0 }}>
                  <Flex gap={8} align="center" wrap>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatWhen(entry.occurredAt)}
                    </Typography.Text>
                    <EmotionTags ratings={entry.body.emotions} />
                  </Flex>
                  {entry.body.event && <Typography.Text data-testid="diary-entry-event">{entry.body.event}</Typography.Text>}
                  {(entry.body.bodySignals.length > 0 || entry.body.bodySignalsOther) && (
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {t('selfcare.diary.bodySignals')}：{[...entry.body.bodySignals.map((key) => local(bodySignalLabel(key))), ...(entry.body.bodySignalsOther ? [entry.body.bodySignalsOther] : [])].join('、')}
                    </Typography.Text>
                  )}
                  {entry.body.thoughts && (
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {t('selfcare.diary.thoughts')}：{entry.body.thoughts}
                    </Typography.Text>
                  )}
                  {entry.body.helped && (
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {t('selfcare.diary.helped')}：{entry.body.helped}
                    </Typography.Text>
                  )}
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
      <DiaryDrawer entry={editing} open={isOpen} onClose={close} />
      <PrivacyNote />
    </div>
  );
}
