import { defineExtensionSuite } from './suite';

defineExtensionSuite('firefox');
