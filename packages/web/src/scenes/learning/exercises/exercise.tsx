import { AbcWorksheet } from './abc-worksheet';
import { BreathingPacer } from './breathing-pacer';
import { Grounding } from './grounding';
import { MuscleRelaxation } from './muscle-relaxation';
import { SpotTheLanguage } from './spot-the-language';

/**
 * A lesson's interactive exercise, chosen by the lesson's `exercise` code.
 * @param props.exercise the code (none, abc-worksheet, breathing-pacer, spot-the-language, grounding, muscle-relaxation)
 * @param props.lessonId the lesson (the ABC sheet is kept per lesson)
 * @param props.lessonTitle the lesson's title in the UI language
 * @returns the exercise, or null for `none` and codes this page does not know
 */
export function LessonExercise({ exercise, lessonId, lessonTitle }: { exercise: string; lessonId: string; lessonTitle: string }) {
  switch (exercise) {
    case 'abc-worksheet':
      return <AbcWorksheet lessonId={lessonId} lessonTitle={lessonTitle} />;
    case 'breathing-pacer':
      return <BreathingPacer />;
    case 'spot-the-language':
      return <SpotTheLanguage />;
    case 'grounding':
      return <Grounding />;
    case 'muscle-relaxation':
      return <MuscleRelaxation />;
    default:
      return null;
  }
}

/** Whether the page knows how to show an exercise code. */
export function hasExercise(exercise: string): boolean {
  return ['abc-worksheet', 'breathing-pacer', 'spot-the-language', 'grounding', 'muscle-relaxation'].includes(exercise);
}
