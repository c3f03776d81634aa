import { createApp } from 'vue';
import App from './App.vue';
import './portal.css';

createApp(App).mount('#app');
