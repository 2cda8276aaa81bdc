import { App, Form } from 'antd';
import type { Project } from '../../../src/modules/projects/projects.contract.ts';
import { useCreateProject, useUpdateProject } from './projects.api.ts';
import { PROJECT_FORM_FIELDS, formValuesOf, toProjectInput, type ProjectFormValues } from './projectForm.ts';
import { ProjectPlanFields } from './ProjectPlanFields.tsx';
import { ProjectFormLists } from './ProjectFormLists.tsx';
import { useT } from '../../ui/i18n.tsx';
import { FormDrawer } from '../../ui/FormDrawer.tsx';
import { useErrorReporter } from '../../ui/errors.tsx';

interface Props {
  open: boolean;
  /** null = a new project (into the reserve). */
  project: Project | null;
  onClose: () => void;
  onSaved: (project: Project) => void;
}

/** 新建/编辑项目: the whole plan in one scrolling form, so every API issue lands on a visible field. */
export function ProjectFormDrawer({ open, project, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<ProjectFormValues>();
  const create = useCreateProject();
  const update = useUpdateProject();

  const submit = async (values: ProjectFormValues) => {
    try {
      const input = toProjectInput(values);
      const saved = project ? await update.run(project.id, input) : await create.run({ ...input, attachments: [] });
      message.success(t(project ? 'common.saved' : 'common.created', { name: saved.name }));
      onSaved(saved);
    } catch (err) {
      report(err, form, PROJECT_FORM_FIELDS);
    }
  };

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      size={760}
      title={project ? t('project.editTitle', { name: project.name }) : t('project.createTitle')}
      saving={create.loading || update.loading}
      submitTestId="project-form-submit"
      onSave={() => form.submit()}
    >
      <Form<ProjectFormValues> form={form} clearOnDestroy layout="vertical" initialValues={formValuesOf(project)} onFinish={submit} data-testid="project-form">
        <ProjectPlanFields form={form} project={project} />
        <ProjectFormLists form={form} />
      </Form>
    </FormDrawer>
  );
}
