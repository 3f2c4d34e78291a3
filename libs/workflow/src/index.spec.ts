import * as workflow from './index';

describe('@rodtrad/workflow public API', () => {
  it('exports the engine, validator, helpers and loaders', () => {
    for (const name of [
      'createRegistry',
      'validateDefinition',
      'compileDefinition',
      'compileWorkflow',
      'createWorkflowCache',
      'step',
      'initialStep',
      'stateMeta',
      'allowedEvents',
      'definitionChecksum',
      'finalStates',
      'listStates',
      'listTransitions',
      'pathsCoveringAllTransitions',
      'loadFormCatalog',
      'createFormValidator',
      'loadShippedDefinitions',
      'definitionSchema',
    ]) {
      expect(typeof (workflow as Record<string, unknown>)[name]).not.toBe('undefined');
    }
  });
});
