# The worker, API and codec server image: one build, started as any of them (see docker-compose.yml).

# Build: compile TypeScript and bundle the workflow code once, with all dependencies.
FROM node:22-bookworm-slim AS build
WORKDIR /app
# npm install, not npm ci: the lock file lists only the platforms its mirror could resolve.
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src src
COPY workflows workflows
COPY activities activities
COPY worker worker
COPY rulesets rulesets
RUN npx tsc -p tsconfig.build.json \
 && node dist/worker/bundle-workflows.js dist/workflow-bundle.js

# Run: production dependencies only, the compiled code, the mail templates; not as root.
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production \
    RF_WORKFLOW_BUNDLE=/app/dist/workflow-bundle.js \
    RF_TEMPLATES_DIR=/app/templates/da \
    RF_API_HOST=0.0.0.0 \
    RF_CODEC_HOST=0.0.0.0 \
    RF_WORKER_METRICS_HOST=0.0.0.0
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --omit=dev --no-audit --no-fund \
 && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY templates ./templates
# The image's unprivileged `node` user, by number so a runtime need not resolve the name.
USER 1000:1000
# API 3000, codec server 8888, worker metrics 9464.
EXPOSE 3000 8888 9464
CMD ["node", "dist/worker/main.js"]
