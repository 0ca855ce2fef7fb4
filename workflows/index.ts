export { ressourceforloeb } from './ressourceforloeb';
