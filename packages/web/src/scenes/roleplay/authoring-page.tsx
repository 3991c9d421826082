import { CheckCircleOutlined, CopyOutlined, DeleteOutlined, EditOutlined, EyeOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Collapse, Empty, Flex, Input, Row, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { AppError, apiFetch } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useDeleteScenario, useSaveScenario, useScenarios, useStartAttempt, useValidateScenario, type TScenarioSummary } from '../../api/roleplay';
import { useCurrentSession } from '../../hooks/use-current-session';
import { useErrorMessage } from '../../hooks/use-error-message';
import { NoAccessPage } from '../no-access-page';
import { roleplayAccess } from './access';
import { useRoleplayLabels } from './labels';
import { RoleplayHeader } from './roleplay-header';
import { copyId, lineRange, readScenarioId, renameScenarioId, saveIssuesToErrors, type TYamlError } from './yaml-tools';

/** What the editor holds: a built-in scenario (read-only), one of ours, or a copy not saved yet. */
type TEditing = { kind: 'builtin'; id: string } | { kind: 'custom'; id: string } | { kind: 'new'; copiedFrom: string };

type TCheck = { state: 'none' } | { state: 'valid' } | { state: 'errors'; errors: TYamlError[] } | { state: 'failed'; message: string };

/** The scenario format in a few lines, for the help panel (content/scenarios/FORMAT.md is the full text). */
const HELP_KEYS = ['meters', 'moves', 'effects', 'ending', 'lines', 'ids'] as const;

/**
 * Scenario authoring at /roleplay/authoring (trainers): the scenarios (built-in ones to read
 * and copy, the organisation's own to edit or delete), a YAML editor that checks the text
 * and points at each error's line, save as draft or publish, and a test-play that starts an
 * attempt on the saved scenario. The open scenario is in the address (?edit=<id>), so a link
 * such as the one "Practise this" in 对话质检 follows opens it straight in the editor.
 */
export default function AuthoringPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const errorMessage = useErrorMessage();
  const labels = useRoleplayLabels();
  const access = roleplayAccess(session.roles);
  const scenariosQuery = useScenarios();
  const validate = useValidateScenario();
  const save = useSaveScenario();
  const remove = useDeleteScenario();
  const startAttempt = useStartAttempt();

  const [editing, setEditing] = useState<TEditing | null>(null);
  const [yaml, setYaml] = useState('');
  const [savedYaml, setSavedYaml] = useState('');
  const [isLoading, setLoading] = useState(false);
  const [check, setCheck] = useState<TCheck>({ state: 'none' });
  const editorRef = useRef<HTMLTextAreaElement | null>(null);
  const [searchParams, setSearchParams] = useSearchParams();
  const editId = searchParams.get('edit');
  /** The ?edit= id already opened (or being opened), so the address opens it once. */
  const openedEditId = useRef<string | null>(null);

  const scenarios = useMemo(() => scenariosQuery.data ?? [], [scenariosQuery.data]);
  const builtIn = scenarios.filter((scenario) => scenario.source !== 'custom');
  const custom = scenarios.filter((scenario) => scenario.source === 'custom');
  const isDirty = editing !== null && yaml !== savedYaml;
  const isReadOnly = editing?.kind === 'builtin';

  // ?edit=<id>: open that scenario. A draft made a moment ago appears once the list has been
  // fetched again, so wait for that; an unknown id ends in the source call's 404 message.
  useEffect(() => {
    if (!access.canAuthor || !editId || openedEditId.current === editId) return;
    const listed = scenariosQuery.data?.find((scenario) => scenario.id === editId);
    if (!listed && (scenariosQuery.isFetching || scenariosQuery.isPending)) return;
    openedEditId.current = editId;
    const next: TEditing = { kind: listed && listed.source !== 'custom' ? 'builtin' : 'custom', id: editId };
    setEditing(next);
    setLoading(true);
    queryClient
      .fetchQuery({
        queryKey: queryKeys.roleplayScenarioSource(editId),
        queryFn: ({ signal }) => apiFetch<{ yaml: string }>(`/api/roleplay/scenarios/${encodeURIComponent(editId)}/source`, { signal }),
        staleTime: 0,
      })
      .then(({ yaml: source }) => {
        setYaml(source);
        setSavedYaml(source);
        setCheck({ state: 'none' });
      })
      .catch((err: unknown) => {
        setEditing(null);
        void message.error(errorMessage(err));
      })
      .finally(() => setLoading(false));
  }, [access.canAuthor, editId, scenariosQuery.data, scenariosQuery.isFetching, scenariosQuery.isPending, queryClient, message, errorMessage]);

  /** Keeps ?edit= on the scenario in the editor (none for an unsaved copy), without a history entry. */
  const showInAddress = (id: string | null) => {
    openedEditId.current = id;
    setSearchParams(
      (params) => {
        const next = new URLSearchParams(params);
        if (id === null) next.delete('edit');
        else next.set('edit', id);
        return next;
      },
      { replace: true },
    );
  };

  if (!access.canAuthor) return <NoAccessPage />;

  const fetchSource = (id: string) =>
    queryClient.fetchQuery({
      queryKey: queryKeys.roleplayScenarioSource(id),
      queryFn: ({ signal }) => apiFetch<{ yaml: string }>(`/api/roleplay/scenarios/${encodeURIComponent(id)}/source`, { signal }),
      staleTime: 0,
    });

  /** Runs `action` now, or after the author agrees to drop unsaved changes. */
  const whenLeaving = (action: () => void) => {
    if (!isDirty) {
      action();
      return;
    }
    void modal.confirm({
      title: t('roleplay.authoring.discardTitle'),
      content: t('roleplay.authoring.discardBody'),
      okText: t('roleplay.authoring.discard'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: action,
    });
  };

  const load = (next: TEditing, source: string) => {
    showInAddress(next.kind === 'new' ? null : next.id);
    setEditing(next);
    setYaml(source);
    setSavedYaml(next.kind === 'new' ? '' : source);
    setCheck({ state: 'none' });
    validate.reset();
  };

  const open = (scenario: TScenarioSummary) =>
    whenLeaving(() => {
      setLoading(true);
      fetchSource(scenario.id)
        .then(({ yaml: source }) => load({ kind: scenario.source === 'custom' ? 'custom' : 'builtin', id: scenario.id }, source))
        .catch((err: unknown) => void message.error(errorMessage(err)))
        .finally(() => setLoading(false));
    });

  const copy = (scenario: TScenarioSummary) =>
    whenLeaving(() => {
      setLoading(true);
      fetchSource(scenario.id)
        .then(({ yaml: source }) => {
          const id = copyId(scenario.id, new Set(scenarios.map((item) => item.id)));
          load({ kind: 'new', copiedFrom: scenario.id }, renameScenarioId(source, id));
          void message.info(t('roleplay.authoring.copied', { id }));
        })
        .catch((err: unknown) => void message.error(errorMessage(err)))
        .finally(() => setLoading(false));
    });

  const confirmDelete = (scenario: TScenarioSummary) =>
    void modal.confirm({
      title: t('roleplay.authoring.deleteTitle', { title: labels.text(scenario.title) }),
      content: t('roleplay.authoring.deleteBody'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'roleplay-confirm-delete' } as never,
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(scenario.id).then(
          () => {
            void message.success(t('roleplay.authoring.deleted'));
            if (editing?.kind === 'custom' && editing.id === scenario.id) {
              showInAddress(null);
              setEditing(null);
              setYaml('');
              setSavedYaml('');
            }
          },
          (err: unknown) => void message.error(errorMessage(err)),
        ),
    });

  const runValidate = () =>
    validate.mutate(yaml, {
      onSuccess: (result) => setCheck(result.valid ? { state: 'valid' } : { state: 'errors', errors: result.errors }),
      onError: (err) => setCheck({ state: 'failed', message: errorMessage(err) }),
    });

  const runSave = (status: 'draft' | 'published') => {
    if (!editing || isReadOnly) return;
    const id = editing.kind === 'custom' ? editing.id : null;
    save.mutate(
      { id, body: { yaml, status } },
      {
        onSuccess: (saved) => {
          showInAddress(saved.id);
          setEditing({ kind: 'custom', id: saved.id });
          setSavedYaml(yaml);
          setCheck({ state: 'valid' });
          void message.success(status === 'published' ? t('roleplay.authoring.published') : t('roleplay.authoring.savedDraft'));
        },
        onError: (err) => {
          const appError = AppError.parseError(err);
          if (appError.code === 'VALIDATION_FAILED' && appError.issues.length > 0) {
            setCheck({ state: 'errors', errors: saveIssuesToErrors(appError.issues) });
          } else if (appError.code === 'CONFLICT') {
            setCheck({ state: 'failed', message: t('roleplay.authoring.idTaken', { id: readScenarioId(yaml) ?? '—' }) });
          } else {
            setCheck({ state: 'failed', message: errorMessage(appError) });
          }
        },
      },
    );
  };

  const testPlay = () => {
    const id = editing?.kind === 'new' ? null : editing?.id;
    if (!id) return;
    startAttempt.mutate(
      { scenarioId: id },
      { onSuccess: (attempt) => navigate(`/roleplay/attempts/${attempt.id}`), onError: (err) => void message.error(errorMessage(err)) },
    );
  };

  const goToLine = (line: number) => {
    const box = editorRef.current;
    if (!box) return;
    const { start, end } = lineRange(yaml, line);
    box.focus();
    box.setSelectionRange(start, end);
    // Scroll the line into view: its share of the text's lines times the box's height.
    const lines = yaml.split('\n').length;
    box.scrollTop = Math.max(0, ((line - 3) / Math.max(1, lines)) * box.scrollHeight);
  };

  const current = editing && editing.kind !== 'new' ? scenarios.find((scenario) => scenario.id === editing.id) : undefined;
  const canTestPlay = editing !== null && editing.kind !== 'new' && !isDirty;
  const editorTitle =
    editing === null
      ? t('roleplay.authoring.editorTitle')
      : editing.kind === 'builtin'
        ? t('roleplay.authoring.viewing', { id: editing.id })
        : editing.kind === 'custom'
          ? t('roleplay.authoring.editing', { id: editing.id })
          : t('roleplay.authoring.newCopy', { id: readScenarioId(yaml) ?? '—' });

  const renderItem = (scenario: TScenarioSummary) => {
    const isCustom = scenario.source === 'custom';
    const isOpen = editing !== null && editing.kind !== 'new' && editing.id === scenario.id;
    return (
      <li key={scenario.id} className={`cd-roleplay-authoring-item${isOpen ? ' cd-roleplay-authoring-item--open' : ''}`} data-testid={`roleplay-authoring-item-${scenario.id}`}>
        <div className="cd-roleplay-authoring-item__main">
          <Flex gap={6} align="center" wrap>
            <Typography.Text strong>{labels.text(scenario.title)}</Typography.Text>
            {isCustom && <Tag color={scenario.status === 'draft' ? 'warning' : 'success'}>{t(`roleplay.status.${scenario.status}`)}</Tag>}
          </Flex>
          <code className="cd-roleplay-id">{scenario.id}</code>
        </div>
        <Flex gap={2} style={{ flex: 'none' }}>
          <Tooltip title={isCustom ? t('common.edit') : t('roleplay.authoring.view')}>
            <Button type="text" size="small" icon={isCustom ? <EditOutlined /> : <EyeOutlined />} onClick={() => open(scenario)} aria-label={isCustom ? t('common.edit') : t('roleplay.authoring.view')} data-testid={`roleplay-authoring-open-${scenario.id}`} />
          </Tooltip>
          <Tooltip title={t('roleplay.authoring.copy')}>
            <Button type="text" size="small" icon={<CopyOutlined />} onClick={() => copy(scenario)} aria-label={t('roleplay.authoring.copy')} data-testid={`roleplay-authoring-copy-${scenario.id}`} />
          </Tooltip>
          {isCustom && (
            <Tooltip title={t('common.delete')}>
              <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => confirmDelete(scenario)} aria-label={t('common.delete')} data-testid={`roleplay-authoring-delete-${scenario.id}`} />
            </Tooltip>
          )}
        </Flex>
      </li>
    );
  };

  return (
    <div data-testid="roleplay-authoring">
      <RoleplayHeader tab="authoring" />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card title={t('roleplay.authoring.listTitle')} variant="borderless" styles={{ body: { paddingTop: 8, maxHeight: '75vh', overflowY: 'auto' } }}>
            {scenariosQuery.isPending ? (
              <Skeleton active />
            ) : (
              <>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('roleplay.authoring.customTitle', { count: custom.length })}
                </Typography.Text>
                {custom.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('roleplay.authoring.noCustom')} style={{ margin: '8px 0 16px' }} />
                ) : (
                  <ul className="cd-roleplay-authoring-list" style={{ marginBottom: 12 }}>
                    {custom.map(renderItem)}
                  </ul>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('roleplay.authoring.builtInTitle', { count: builtIn.length })}
                </Typography.Text>
                <ul className="cd-roleplay-authoring-list">{builtIn.map(renderItem)}</ul>
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Flex vertical gap={16}>
            <Card
              title={
                <Flex gap={8} align="center" wrap>
                  <span>{editorTitle}</span>
                  {isDirty && <Tag color="orange">{t('roleplay.authoring.unsaved')}</Tag>}
                  {current?.source === 'custom' && !isDirty && <Tag color={current.status === 'draft' ? 'warning' : 'success'}>{t(`roleplay.status.${current.status}`)}</Tag>}
                </Flex>
              }
              variant="borderless"
            >
              {editing === null ? (
                <Empty description={t('roleplay.authoring.pick')} />
              ) : (
                <Skeleton active loading={isLoading}>
                  {isReadOnly && <Alert type="info" showIcon title={t('roleplay.authoring.readOnly')} style={{ marginBottom: 12 }} />}
                  <Input.TextArea
                    ref={(instance) => {
                      editorRef.current = instance?.resizableTextArea?.textArea ?? null;
                    }}
                    className="cd-yaml"
                    value={yaml}
                    onChange={(event) => {
                      setYaml(event.target.value);
                      if (check.state !== 'none') setCheck({ state: 'none' });
                    }}
                    readOnly={isReadOnly}
                    spellCheck={false}
                    autoSize={{ minRows: 18, maxRows: 32 }}
                    aria-label={t('roleplay.authoring.editorLabel')}
                    data-testid="roleplay-yaml"
                  />
                  <Flex gap={8} wrap style={{ marginTop: 12 }}>
                    <Button onClick={runValidate} loading={validate.isPending} icon={<CheckCircleOutlined />} data-testid="roleplay-validate">
                      {t('roleplay.authoring.validate')}
                    </Button>
                    {!isReadOnly && (
                      <>
                        <Button onClick={() => runSave('draft')} loading={save.isPending && save.variables?.body.status === 'draft'} disabled={save.isPending} data-testid="roleplay-save-draft">
                          {t('roleplay.authoring.saveDraft')}
                        </Button>
                        <Button type="primary" onClick={() => runSave('published')} loading={save.isPending && save.variables?.body.status === 'published'} disabled={save.isPending} data-testid="roleplay-publish">
                          {t('roleplay.authoring.publish')}
                        </Button>
                      </>
                    )}
                    {isReadOnly && editing.kind === 'builtin' && (
                      <Button icon={<CopyOutlined />} onClick={() => copy(current ?? ({ id: editing.id, source: 'builtin' } as TScenarioSummary))} data-testid="roleplay-copy-current">
                        {t('roleplay.authoring.copy')}
                      </Button>
                    )}
                    <Tooltip title={canTestPlay ? t('roleplay.authoring.testPlayHint') : t('roleplay.authoring.saveFirst')}>
                      <Button icon={<PlayCircleOutlined />} onClick={testPlay} disabled={!canTestPlay} loading={startAttempt.isPending} data-testid="roleplay-test-play">
                        {t('roleplay.authoring.testPlay')}
                      </Button>
                    </Tooltip>
                  </Flex>
                  <div style={{ marginTop: 12 }} data-testid="roleplay-yaml-check" data-state={check.state}>
                    {check.state === 'valid' && <Alert type="success" showIcon title={t('roleplay.authoring.valid')} />}
                    {check.state === 'failed' && <Alert type="error" showIcon title={check.message} />}
                    {check.state === 'errors' && (
                      <Alert
                        type="error"
                        showIcon
                        title={t('roleplay.authoring.errors', { count: check.errors.length })}
                        description={
                          <ol className="cd-yaml-errors" data-testid="roleplay-yaml-errors">
                            {check.errors.map((error, index) => (
                              <li key={index}>
                                {error.line ? (
                                  <Button type="link" size="small" onClick={() => goToLine(error.line ?? 1)} style={{ paddingInline: 0, height: 'auto' }}>
                                    {t('roleplay.authoring.line', { line: error.line })}
                                  </Button>
                                ) : (
                                  <Typography.Text type="secondary">{t('roleplay.authoring.noLine')}</Typography.Text>
                                )}{' '}
                                {error.path && <code className="cd-roleplay-id">{error.path}</code>} {error.message}
                              </li>
                            ))}
                          </ol>
                        }
                      />
                    )}
                  </div>
                </Skeleton>
              )}
            </Card>
            <Collapse
              defaultActiveKey={editing === null ? ['help'] : []}
              items={[
                {
                  key: 'help',
                  label: t('roleplay.authoring.help.title'),
                  children: (
                    <div className="cd-roleplay-help" data-testid="roleplay-authoring-help">
                      <Typography.Paragraph>{t('roleplay.authoring.help.intro')}</Typography.Paragraph>
                      <dl>
                        {HELP_KEYS.map((key) => (
                          <div key={key}>
                            <dt>{t(`roleplay.authoring.help.${key}.term`)}</dt>
                            <dd>{t(`roleplay.authoring.help.${key}.text`)}</dd>
                          </div>
                        ))}
                      </dl>
                      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                        {t('roleplay.authoring.help.more')}
                      </Typography.Paragraph>
                    </div>
                  ),
                },
              ]}
            />
          </Flex>
        </Col>
      </Row>
    </div>
  );
}
