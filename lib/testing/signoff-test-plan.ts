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
