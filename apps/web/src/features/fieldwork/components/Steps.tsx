// The technician's job steps, one file each under steps/.
export { DiagnosisStep } from './steps/DiagnosisStep.tsx';
export { WorkStep } from './steps/WorkStep.tsx';
export { PhotoGrid, PhotosStep, stampText } from './steps/PhotosStep.tsx';
export { SignatureStep } from './steps/SignatureStep.tsx';
export { ResultStep } from './steps/ResultStep.tsx';
