/** A small plan with a Go/No-Go decision (decided by the CTO) and a pre-deployment sign-off, for sign-off tests. */
export const SIGNOFF_PLAN_MARKDOWN = `# Sign-off test plan

## Pre-deployment
- [ ] Backup taken
- [ ] Tests passing

**Decision**: GO / NO-GO / DEFER
**Decision Maker**: CTO

## Deployment
- [ ] Roll out

## Sign-Off
### Pre-Deployment Sign-Off
- [ ] QA Lead: ____ Date: ____
- [ ] Tech Lead: ____ Date: ____
`;

/** A plan whose sign-offs hold back Start (pre-deployment) and Complete (post-deployment), for the gating tests. */
export const GATED_PLAN_MARKDOWN = `# Gated test plan

## Pre-deployment
- [ ] Backup taken

## Deployment
- [ ] Roll out

## Post-deployment
- [ ] Smoke tests pass

## Sign-Off
### Pre-Deployment Sign-Off
- [ ] QA Lead: ____ Date: ____

### Post-Deployment Sign-Off
- [ ] Product Manager: ____ Date: ____
`;
