/** The five service-quality dimensions by name, as the feedback and the service recovery pages show them. */
const en = {
  reliability: 'Reliability',
  responsiveness: 'Responsiveness',
  assurance: 'Assurance',
  empathy: 'Empathy',
  tangibles: 'Tangibles',
};

const zhCN: typeof en = {
  reliability: '可靠性',
  responsiveness: '响应性',
  assurance: '安全性',
  empathy: '移情性',
  tangibles: '有形性',
};

export const serviceDimensionNames = { en, zhCN };
