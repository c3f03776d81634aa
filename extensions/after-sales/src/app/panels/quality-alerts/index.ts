import { definePanel } from '@directus/extensions-sdk';
import { qualityAlertsDefinition } from './definition';
import PanelQualityAlerts from './panel-quality-alerts.vue';

export default definePanel({ ...qualityAlertsDefinition, component: PanelQualityAlerts });
