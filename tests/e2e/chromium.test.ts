import { defineExtensionSuite } from './suite';

defineExtensionSuite('chromium');
