import './shell/console-app.ts';
