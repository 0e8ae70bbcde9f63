import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { HomeScreen } from '../features/home/HomeScreen';
import { NotFoundScreen } from './NotFoundScreen';
import { Layout } from './Layout';

const CourseScreen = lazy(() =>
  import('../features/learn/CourseScreen').then((m) => ({ default: m.CourseScreen })),
);
const LessonScreen = lazy(() =>
  import('../features/learn/LessonScreen').then((m) => ({ default: m.LessonScreen })),
);
const QuizScreen = lazy(() =>
  import('../features/learn/QuizScreen').then((m) => ({ default: m.QuizScreen })),
);

export function App() {
  return (
    <BrowserRouter>
      <Layout>
        <Suspense fallback={<div className="screen" aria-busy="true" />}>
          <Routes>
            <Route path="/" element={<HomeScreen />} />
            <Route path="/courses/:courseId" element={<CourseScreen />} />
            <Route path="/courses/:courseId/lessons/:lessonId" element={<LessonScreen />} />
            <Route path="/courses/:courseId/quiz" element={<QuizScreen />} />
            <Route path="*" element={<NotFoundScreen />} />
          </Routes>
        </Suspense>
      </Layout>
    </BrowserRouter>
  );
}
